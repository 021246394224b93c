package org.centerline.center.command;

import java.time.Instant;
import java.util.List;
import org.centerline.contracts.event.Specialist;

/**
 * A request from a person at a Center (claim, decide, record a CF-28 answer, change the roster),
 * carried on {@code center-service.commands} keyed by Center code, so one task applies a Center's
 * commands in order: exactly one of two competing claims wins, and two roster changes made at the same
 * time both survive (each is applied to the roster the other left).
 *
 * @param specialist the specialist a {@code PUT_SPECIALIST} adds or replaces
 * @param specialists the whole roster of a {@code SEED_ROSTER} (applied only when the Center has none)
 */
public record CenterCommand(String commandId, Type type, String entryNumber, String centerCode, String specialistId,
                            String action, String reason, Instant at, Specialist specialist, List<Specialist> specialists) {

    public enum Type {
        CLAIM, DECIDE, ANSWER_CF28, PUT_SPECIALIST, REMOVE_SPECIALIST, SEED_ROSTER;

        /** A change of the Center's roster rather than of one entry. */
        public boolean isRoster() {
            return this == PUT_SPECIALIST || this == REMOVE_SPECIALIST || this == SEED_ROSTER;
        }
    }

    /** A command about one entry. */
    public CenterCommand(String commandId, Type type, String entryNumber, String centerCode, String specialistId,
                         String action, String reason, Instant at) {
        this(commandId, type, entryNumber, centerCode, specialistId, action, reason, at, null, null);
    }
}
