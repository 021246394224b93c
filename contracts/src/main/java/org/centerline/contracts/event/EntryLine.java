package org.centerline.contracts.event;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of an entry summary (CBP Form 7501 block 27-33): what was imported, from where, for how much.
 * Classification and flags are computed from these lines.
 */
public record EntryLine(
        int lineNumber,
        String htsNumber,
        String countryOfOrigin,
        BigDecimal enteredValue,
        List<String> chapter99Numbers,
        String adcvdCaseNumber) {

    public EntryLine {
        chapter99Numbers = chapter99Numbers == null ? List.of() : List.copyOf(chapter99Numbers);
    }

    /** The 4-digit HTS heading of this line, as a number (8471 for 8471300100). */
    public int heading() {
        return Integer.parseInt(htsNumber.substring(0, 4));
    }

    /** The 2-digit HTS chapter of this line. */
    public int chapter() {
        return Integer.parseInt(htsNumber.substring(0, 2));
    }
}
