package org.centerline.routing.validate;

/**
 * A strict UTF-8 check (RFC 3629) of a filing's bytes before they are parsed. The JSON parser is
 * lenient where a filing must not be: it decodes overlong forms, code points above U+10FFFF and whole
 * documents in UTF-16, so a filing that is not UTF-8 could be routed. JSON text never holds a NUL
 * byte either (a UTF-16 or UTF-32 filing always does), so NUL counts as invalid here.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The index of the first byte that does not start a well-formed UTF-8 character, or -1 if all do. */
    static int firstInvalid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int c = bytes[i] & 0xFF;
            if (c < 0x80) {
                if (c == 0) {
                    return i;
                }
                i++;
                continue;
            }
            int length;
            int low = 0x80;
            int high = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                length = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                length = 3;
                if (c == 0xE0) {
                    low = 0xA0; // overlong below U+0800
                } else if (c == 0xED) {
                    high = 0x9F; // UTF-16 surrogates
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                length = 4;
                if (c == 0xF0) {
                    low = 0x90; // overlong below U+10000
                } else if (c == 0xF4) {
                    high = 0x8F; // above U+10FFFF
                }
            } else {
                return i; // a continuation byte, C0/C1 (overlong) or F5-FF
            }
            if (i + length > n) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }
}
