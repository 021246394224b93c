package org.centerline.contracts.event;

/**
 * Why a filing was not accepted: a JSON path into the filing ({@code lines[0].htsNumber}, empty
 * for a filing that is not JSON), a stable machine code and a message for people.
 */
public record RejectionReason(String field, String code, String message) {
}
