package org.centerline.center.command;

import java.time.Instant;

/**
 * A request from a person at a Center (claim, decide, record a CF-28 answer), carried on
 * {@code center-service.commands} keyed by Center code, so one task applies a Center's commands in
 * order and exactly one of two competing claims wins.
 */
public record CenterCommand(String commandId, Type type, String entryNumber, String centerCode, String specialistId,
                            String action, String reason, Instant at) {

    public enum Type { CLAIM, DECIDE, ANSWER_CF28 }
}
