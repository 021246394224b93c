package org.centerline.center.command;

import java.time.Instant;

/** What became of a command: applied, or refused with the reason (answered to the caller as 409). */
public record CommandOutcome(String commandId, boolean applied, String entryNumber, String refusal, Instant at) {
}
