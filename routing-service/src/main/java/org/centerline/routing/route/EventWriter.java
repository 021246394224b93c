package org.centerline.routing.route;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.PartnerAgency;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.json.CenterlineJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the JSON of what routing publishes with a streaming generator and pre-encoded names
 * instead of data binding: the same bytes {@link CenterlineJson} writes (EventWriterTest holds it to
 * that for thousands of generated filings), at a fraction of the cost: serialization was a fifth of
 * routing's CPU. A routed Center record embeds the decision's bytes instead of writing it twice.
 * Field order, nulls left out, ISO dates and instants: as the contract's records declare them.
 * Thread-safe: the routing loop and tests may share one.
 */
public final class EventWriter {

    private static final SerializableString SCHEMA_VERSION = name("schemaVersion");
    private static final SerializableString ENTRY_NUMBER = name("entryNumber");
    private static final SerializableString FILER_CODE = name("filerCode");
    private static final SerializableString ENTRY_TYPE = name("entryType");
    private static final SerializableString IMPORTER_NUMBER = name("importerNumber");
    private static final SerializableString PORT_OF_ENTRY = name("portOfEntry");
    private static final SerializableString ENTRY_DATE = name("entryDate");
    private static final SerializableString SUMMARY_DATE = name("summaryDate");
    private static final SerializableString MODE_OF_TRANSPORT = name("modeOfTransport");
    private static final SerializableString LINES = name("lines");
    private static final SerializableString LINE_NUMBER = name("lineNumber");
    private static final SerializableString HTS_NUMBER = name("htsNumber");
    private static final SerializableString COUNTRY_OF_ORIGIN = name("countryOfOrigin");
    private static final SerializableString ENTERED_VALUE = name("enteredValue");
    private static final SerializableString CHAPTER99_NUMBERS = name("chapter99Numbers");
    private static final SerializableString ADCVD_CASE_NUMBER = name("adcvdCaseNumber");
    private static final SerializableString CENTER_CODE = name("centerCode");
    private static final SerializableString BASIS = name("basis");
    private static final SerializableString LINES_BY_CENTER = name("linesByCenter");
    private static final SerializableString LINES_BY_HEADING = name("linesByHeading");
    private static final SerializableString TABLE_VERSION = name("tableVersion");
    private static final SerializableString WORKLOAD_POINTS = name("workloadPoints");
    private static final SerializableString FLAGS = name("flags");
    private static final SerializableString PREVIOUS_CENTER_CODE = name("previousCenterCode");
    private static final SerializableString FILED_AT = name("filedAt");
    private static final SerializableString ROUTED_AT = name("routedAt");
    private static final SerializableString PARTNER_AGENCIES = name("partnerAgencies");
    private static final SerializableString AGENCY = name("agency");
    private static final SerializableString FLAG = name("flag");
    private static final SerializableString REQUIRED = name("required");
    private static final SerializableString REFERENCE_VERSIONS = name("referenceVersions");

    private static final byte[] ROUTED_HEAD = ascii("{\"schemaVersion\":1,\"action\":\"" + CenterEntry.Action.ROUTED.name()
            + "\",\"entryNumber\":");
    private static final byte[] CENTER_CODE_PART = ascii(",\"centerCode\":");
    private static final byte[] SUMMARY_PART = ascii(",\"entrySummary\":");
    private static final byte[] DECISION_PART = ascii(",\"decision\":");
    private static final byte[] AT_PART = ascii(",\"at\":");
    private static final byte[] END = ascii("}");

    private final JsonMapper json = CenterlineJson.mapper();
    private final JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    /** The last instant formatted, with its text: one immutable pair, so threads sharing the writer never mix two. */
    private volatile Formatted last = new Formatted(Instant.EPOCH, Instant.EPOCH.toString());

    private record Formatted(Instant at, String text) {
    }

    /**
     * A routed entry on its Center's topic: the summary and the decision, {@code decisionJson} being
     * {@link #decision} of the same decision.
     */
    public byte[] routed(EntrySummary summary, RoutingDecision decision, byte[] decisionJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 * decisionJson.length + 768);
        out.writeBytes(ROUTED_HEAD);
        quoted(out, summary.entryNumber());
        out.writeBytes(CENTER_CODE_PART);
        quoted(out, decision.centerCode());
        out.writeBytes(SUMMARY_PART);
        // The generator writes the summary straight into the record (closing a ByteArrayOutputStream does nothing).
        try (JsonGenerator g = json.createGenerator(out)) {
            summary(g, summary);
        }
        out.writeBytes(DECISION_PART);
        out.writeBytes(decisionJson);
        out.writeBytes(AT_PART);
        quoted(out, instant(decision.routedAt()));
        out.writeBytes(END);
        return out.toByteArray();
    }

    /** A withdrawal (rare: data binding is fine for it). */
    public byte[] withdrawn(CenterEntry entry) {
        return json.writeValueAsBytes(entry);
    }

    public byte[] decision(RoutingDecision decision) {
        return write(g -> decision(g, decision));
    }

    public byte[] rejection(Rejection rejection) {
        return json.writeValueAsBytes(rejection);
    }

    private void summary(JsonGenerator g, EntrySummary s) {
        g.writeStartObject();
        g.writeName(SCHEMA_VERSION);
        g.writeNumber(s.schemaVersion());
        string(g, ENTRY_NUMBER, s.entryNumber());
        string(g, FILER_CODE, s.filerCode());
        string(g, ENTRY_TYPE, s.entryType());
        string(g, IMPORTER_NUMBER, s.importerNumber());
        string(g, PORT_OF_ENTRY, s.portOfEntry());
        if (s.entryDate() != null) {
            string(g, ENTRY_DATE, s.entryDate().toString());
        }
        if (s.summaryDate() != null) {
            string(g, SUMMARY_DATE, s.summaryDate().toString());
        }
        string(g, MODE_OF_TRANSPORT, s.modeOfTransport());
        g.writeName(LINES);
        g.writeStartArray();
        for (EntryLine line : s.lines()) {
            g.writeStartObject();
            g.writeName(LINE_NUMBER);
            g.writeNumber(line.lineNumber());
            string(g, HTS_NUMBER, line.htsNumber());
            string(g, COUNTRY_OF_ORIGIN, line.countryOfOrigin());
            if (line.enteredValue() != null) {
                g.writeName(ENTERED_VALUE);
                g.writeNumber(line.enteredValue());
            }
            strings(g, CHAPTER99_NUMBERS, line.chapter99Numbers());
            string(g, ADCVD_CASE_NUMBER, line.adcvdCaseNumber());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void decision(JsonGenerator g, RoutingDecision d) {
        g.writeStartObject();
        g.writeName(SCHEMA_VERSION);
        g.writeNumber(d.schemaVersion());
        string(g, ENTRY_NUMBER, d.entryNumber());
        string(g, FILER_CODE, d.filerCode());
        string(g, IMPORTER_NUMBER, d.importerNumber());
        string(g, ENTRY_TYPE, d.entryType());
        string(g, CENTER_CODE, d.centerCode());
        if (d.basis() != null) {
            string(g, BASIS, d.basis().name());
        }
        counts(g, LINES_BY_CENTER, d.linesByCenter());
        counts(g, LINES_BY_HEADING, d.linesByHeading());
        string(g, TABLE_VERSION, d.tableVersion());
        g.writeName(WORKLOAD_POINTS);
        g.writeNumber(d.workloadPoints());
        g.writeName(FLAGS);
        g.writeStartArray();
        for (RoutingFlag flag : d.flags()) {
            g.writeString(flag.name());
        }
        g.writeEndArray();
        string(g, PREVIOUS_CENTER_CODE, d.previousCenterCode());
        if (d.filedAt() != null) {
            string(g, FILED_AT, d.filedAt().toString());
        }
        if (d.routedAt() != null) {
            string(g, ROUTED_AT, instant(d.routedAt()));
        }
        if (d.partnerAgencies() != null) {
            g.writeName(PARTNER_AGENCIES);
            g.writeStartArray();
            for (PartnerAgency a : d.partnerAgencies()) {
                g.writeStartObject();
                string(g, AGENCY, a.agency());
                string(g, FLAG, a.flag());
                g.writeName(REQUIRED);
                g.writeBoolean(a.required());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (d.referenceVersions() != null) {
            g.writeName(REFERENCE_VERSIONS);
            g.writeStartObject();
            for (Map.Entry<String, String> e : d.referenceVersions().entrySet()) {
                g.writeName(e.getKey());
                g.writeString(e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A batch routes all its records at the same instant: format it once. */
    private String instant(Instant instant) {
        Formatted known = last;
        if (known.at().equals(instant)) {
            return known.text();
        }
        Formatted formatted = new Formatted(instant, instant.toString());
        last = formatted;
        return formatted.text();
    }

    private static void string(JsonGenerator g, SerializableString name, String value) {
        if (value != null) {
            g.writeName(name);
            g.writeString(value);
        }
    }

    private static void strings(JsonGenerator g, SerializableString name, List<String> values) {
        if (values == null) {
            return;
        }
        g.writeName(name);
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void counts(JsonGenerator g, SerializableString name, Map<String, Integer> counts) {
        if (counts == null) {
            return;
        }
        g.writeName(name);
        g.writeStartObject();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            g.writeName(e.getKey());
            g.writeNumber(e.getValue());
        }
        g.writeEndObject();
    }

    private void quoted(ByteArrayOutputStream out, String value) {
        out.write('"');
        out.writeBytes(encoder.quoteAsUTF8(value));
        out.write('"');
    }

    private interface Body {
        void write(JsonGenerator g);
    }

    private byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(768);
        try (JsonGenerator g = json.createGenerator(out)) {
            body.write(g);
        }
        return out.toByteArray();
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
