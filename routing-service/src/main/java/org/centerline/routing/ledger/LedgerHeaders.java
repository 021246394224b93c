package org.centerline.routing.ledger;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Headers routing puts on its routed and rejected records so the ledger can learn them without
 * parsing the JSON: every instance tails both topics all the time, and parsing each decision again
 * cost a quarter as much CPU as routing it. The record timestamp is the decision's time.
 * Records written before these headers existed are parsed as before.
 */
public final class LedgerHeaders {

    /** On {@code entry-summaries.routed}: the Center the entry went to. */
    public static final String CENTER = "centerline-center";
    /** On {@code entry-summaries.rejected}: the entry number, empty when the filing had none readable. */
    public static final String ENTRY_NUMBER = "centerline-entry-number";

    private static final byte[] NONE = new byte[0];

    private LedgerHeaders() {
    }

    public static Header center(String centerCode) {
        return new RecordHeader(CENTER, centerCode.getBytes(StandardCharsets.US_ASCII));
    }

    public static Header entryNumber(String entryNumber) {
        return new RecordHeader(ENTRY_NUMBER, entryNumber == null ? NONE : entryNumber.getBytes(StandardCharsets.UTF_8));
    }

    /** The header's text; null when the record does not carry it; "" when it carries it empty. */
    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
