package org.centerline.routing.ledger;

/**
 * An entry number ({@code XXX-NNNNNNN-C}: filer code of letters and digits, serial, check digit) packed
 * into a long, so the ledger's indexes hold no String per entry. Every key the ledger sees is a
 * validated entry number; anything else packs to {@link #NONE}.
 */
final class EntryKey {

    static final long NONE = -1;

    private EntryKey() {
    }

    static long of(String entryNumber) {
        if (entryNumber == null || entryNumber.length() != 13 || entryNumber.charAt(3) != '-' || entryNumber.charAt(11) != '-') {
            return NONE;
        }
        long key = 0;
        for (int i = 0; i < 3; i++) {
            int c = base36(entryNumber.charAt(i));
            if (c < 0) {
                return NONE;
            }
            key = key * 36 + c;
        }
        for (int i = 4; i < 13; i++) {
            if (i == 11) {
                continue;
            }
            char c = entryNumber.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            key = key * 10 + (c - '0');
        }
        return key;
    }

    private static int base36(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
