package org.centerline.routing.route;

import org.centerline.routing.validate.ValidationResult;

/**
 * One filed record, validated once, as it moves between the steps of the routing topology (in memory:
 * it is never serialized).
 *
 * @param key the record key it was filed with (null if none)
 * @param payload the record value as filed
 * @param validation what the validator made of it, with {@code key}
 * @param ledgerKey the entry number it is routed and remembered under (null when none is readable)
 */
public record Filing(String key, byte[] payload, ValidationResult validation, String ledgerKey) {

    /** Whether the record sits on another partition than its entry number's: filed without a key, or under another one. */
    public boolean misplaced() {
        return ledgerKey != null && !ledgerKey.equals(key);
    }
}
