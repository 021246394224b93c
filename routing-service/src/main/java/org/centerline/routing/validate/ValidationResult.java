package org.centerline.routing.validate;

import java.util.List;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RejectionReason;

/**
 * What validation made of one filing: the entry summary when it is valid, else every reason it is
 * not, plus the entry number and filer code when they could be read (to key and address the rejection).
 */
public sealed interface ValidationResult {

    record Valid(EntrySummary summary) implements ValidationResult {
    }

    record Invalid(String entryNumber, String filerCode, List<RejectionReason> reasons) implements ValidationResult {
        public Invalid {
            reasons = List.copyOf(reasons);
        }
    }
}
