package org.centerline.routing.ledger;

import org.centerline.contracts.entry.EntryNumber;

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
        if (!EntryNumber.hasValidFormat(entryNumber)) {
            return NONE;
        }
        long key = 0;
        for (int i = 0; i < 3; i++) {
            key = key * 36 + base36(entryNumber.charAt(i));
        }
        for (int i = 4; i < 13; i++) {
            if (i != 11) {
                key = key * 10 + (entryNumber.charAt(i) - '0');
            }
        }
        return key;
    }

    private static int base36(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c - 'A' + 10;
    }
}
