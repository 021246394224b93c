package org.centerline.contracts.entry;

import java.util.Optional;

/**
 * A CBP entry number {@code XXX-NNNNNNN-C}: 3-character filer code, 7 digits, and a check digit
 * over the first 10 characters (DOMAIN.md; algorithm as public code citing CATAIR describes it).
 */
public record EntryNumber(String filerCode, String serial, int checkDigit) {

    /** The entry number as filed, {@code ABC-1234567-6}. */
    @Override
    public String toString() {
        return filerCode + "-" + serial + "-" + checkDigit;
    }

    /** Whether the text has the shape {@code XXX-NNNNNNN-N} (filer code letters or digits). */
    public static boolean hasValidFormat(String text) {
        if (text == null || text.length() != 13 || text.charAt(3) != '-' || text.charAt(11) != '-') {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        for (int i = 4; i < 11; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return isDigit(text.charAt(12));
    }

    /** Parses a well-formed entry number whose check digit is right; empty otherwise. */
    public static Optional<EntryNumber> parse(String text) {
        if (!hasValidFormat(text)) {
            return Optional.empty();
        }
        String filer = text.substring(0, 3);
        String serial = text.substring(4, 11);
        int check = text.charAt(12) - '0';
        return check == checkDigit(filer, serial) ? Optional.of(new EntryNumber(filer, serial, check)) : Optional.empty();
    }

    /** Builds an entry number with its check digit computed. */
    public static EntryNumber of(String filerCode, String serial) {
        return new EntryNumber(filerCode, serial, checkDigit(filerCode, serial));
    }

    /**
     * The check digit over filer code + serial: letters become digits (A-I = 1-9, J-R = 1-9,
     * S-Z = 2-9); from the left, the 2nd, 4th, 6th, 8th and 10th digits are doubled and the
     * digits of each product added; the rest are added as they are; check = (10 - sum mod 10) mod 10.
     */
    public static int checkDigit(String filerCode, String serial) {
        String ten = filerCode + serial;
        if (ten.length() != 10) {
            throw new IllegalArgumentException("filer code (3) + serial (7) must be 10 characters: " + ten);
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = digitValue(ten.charAt(i));
            if (i % 2 == 1) {
                int doubled = d * 2;
                sum += doubled / 10 + doubled % 10;
            } else {
                sum += d;
            }
        }
        return (10 - sum % 10) % 10;
    }

    private static int digitValue(char c) {
        if (isDigit(c)) {
            return c - '0';
        }
        if (c >= 'A' && c <= 'I') {
            return c - 'A' + 1;
        }
        if (c >= 'J' && c <= 'R') {
            return c - 'J' + 1;
        }
        if (c >= 'S' && c <= 'Z') {
            return c - 'S' + 2;
        }
        throw new IllegalArgumentException("Not a filer code or serial character: '" + c + "'");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
