package org.centerline.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.StatusChanged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The one JSON mapping of the contract (CONTRACT.md: camelCase, ISO 8601, codes as text, readers tolerant). */
class CenterlineJsonTest {

    private static final String FILING = """
            {"schemaVersion":1,"entryNumber":"ABC-1234567-6","filerCode":"ABC","entryType":"01",
             "importerNumber":"12-3456789AB","portOfEntry":"2704","entryDate":"2026-11-18","summaryDate":"2026-11-20",
             "modeOfTransport":"11","lines":[{"lineNumber":1,"htsNumber":"0101210010","countryOfOrigin":"CN",
             "enteredValue":125000.10,"chapter99Numbers":["99038803"],"adcvdCaseNumber":null}]}""";

    @Test
    void writesIsoDatesAndInstantsEnumNamesAndLeavesNullsOut() {
        StatusChanged changed = new StatusChanged(1, "ABC-1234567-6", "ELE", "ABC", "12-3456789AB", EntryStatus.CF28_ISSUED, null, null,
                Instant.parse("2026-11-20T14:03:11Z"));
        JsonNode json = CenterlineJson.mapper().readTree(CenterlineJson.mapper().writeValueAsString(changed));

        assertThat(json.get("at").asString()).isEqualTo("2026-11-20T14:03:11Z");
        assertThat(json.get("status").asString()).isEqualTo("CF28_ISSUED");
        assertThat(json.has("specialistId")).isFalse();
        assertThat(json.has("reason")).isFalse();
    }

    @Test
    void readsAFilingKeepingCodesAsTextAndValuesExact() {
        EntrySummary summary = CenterlineJson.mapper().readValue(FILING, EntrySummary.class);

        assertThat(summary.entryDate()).isEqualTo(LocalDate.of(2026, 11, 18));
        EntryLine line = summary.lines().get(0);
        assertThat(line.htsNumber()).isEqualTo("0101210010");
        assertThat(line.enteredValue()).isEqualByComparingTo(new BigDecimal("125000.10"));
        assertThat(line.adcvdCaseNumber()).isNull();
        assertThat(CenterlineJson.mapper().writeValueAsString(summary)).contains("\"entryDate\":\"2026-11-18\"");
    }

    @Test
    void readersIgnoreFieldsTheyDoNotKnow() {
        String newer = FILING.replace("\"filerCode\":\"ABC\",", "\"filerCode\":\"ABC\",\"brokerReference\":\"R-1\",");
        assertThat(newer).contains("brokerReference");

        assertThat(CenterlineJson.mapper().readValue(newer, EntrySummary.class).filerCode()).isEqualTo("ABC");
    }

    /**
     * CONTRACT.md: {@code schemaVersion} is optional on a filing, 1 when absent. Jackson 3 enables
     * {@code FAIL_ON_NULL_FOR_PRIMITIVES} by default, so the mapper refuses a filing without it (the
     * absent {@code int} creator property is read as null) before {@link EntrySummary}'s "0 means 1"
     * rule can run. The same holds for every event record with an {@code int schemaVersion}.
     * Enable when {@link CenterlineJson} is fixed (main code; out of this change's scope).
     */
    @Test
    void aFilingWithoutSchemaVersionIsVersionOne() {
        String withoutVersion = FILING.replace("\"schemaVersion\":1,", "");
        assertThat(withoutVersion).doesNotContain("schemaVersion");

        assertThat(CenterlineJson.mapper().readValue(withoutVersion, EntrySummary.class).schemaVersion()).isEqualTo(1);
    }
}
