package org.centerline.localstack.simulator;

/**
 * A failed call to center-service: an HTTP error answer (its status, and the problem detail's title and detail
 * when it sent one) or no answer at all ({@link #status()} -1: not reachable, timed out).
 */
public final class CenterApiException extends RuntimeException {

    private final int status;

    public CenterApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public CenterApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** The HTTP status, or -1 when there was no answer. */
    public int status() {
        return status;
    }

    /** 409: someone else got the item first, or the move is not legal from its status; normal in a busy queue. */
    public boolean conflict() {
        return status == 409;
    }
}
