package org.centerline.routing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.topic.Topics;
import org.junit.jupiter.api.Test;

/**
 * The rules in force of 2025-2026 end to end (DOMAIN.md): one filing per Chapter 99 program, UFLPA,
 * AD/CVD and low value, and one per partner agency, filed on {@code entry-summaries.filed}; each decision
 * read back from {@code entry-summaries.routed} with its flags, partner agencies and reference versions,
 * and the filings outside their dates read back from {@code entry-summaries.rejected} with the field named.
 */
class RulesInForceIT extends RoutingIntegrationTest {

    private final String filer = "R" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 2);
    private int serial = 4_000_000 + (int) (Math.random() * 1_000_000);

    private String filing(String entryNumber, String type, String entryDate, String... lines) {
        return "{\"entryNumber\":\"" + entryNumber + "\",\"filerCode\":\"" + filer + "\",\"entryType\":\"" + type
                + "\",\"importerNumber\":\"12-3456789AB\",\"portOfEntry\":\"2704\",\"entryDate\":\"" + entryDate
                + "\",\"summaryDate\":\"" + entryDate + "\",\"lines\":[" + String.join(",", lines) + "]}";
    }

    private static String line(int n, String hts, String country, String chapter99, String adcvd) {
        return "{\"lineNumber\":" + n + ",\"htsNumber\":\"" + hts + "\",\"countryOfOrigin\":\"" + country
                + "\",\"enteredValue\":1000.00" + (chapter99 == null ? "" : ",\"chapter99Numbers\":[\"" + chapter99 + "\"]")
                + (adcvd == null ? "" : ",\"adcvdCaseNumber\":\"" + adcvd + "\"") + "}";
    }

    private String file(String type, String entryDate, String... lines) {
        String entry = EntryNumber.of(filer, String.format("%07d", serial++)).toString();
        send(Topics.FILED.name(), entry, filing(entry, type, entryDate, lines));
        return entry;
    }

    @Test
    void oneEntryPerProgramAndPerAgencyIsFlaggedNamedOrRejectedAsTheRulesOfItsDateSay() {
        Map<String, String> flagOf = new LinkedHashMap<>();
        flagOf.put(file("01", "2026-11-18", line(1, "7208100000", "KR", "99038187", null)), "SECTION_232");
        flagOf.put(file("01", "2026-11-18", line(1, "8471300100", "CN", "99039101", null)), "SECTION_301");
        flagOf.put(file("01", "2026-01-10", line(1, "8541430000", "MY", "99034521", null)), "SECTION_201");
        flagOf.put(file("01", "2026-03-02", line(1, "8471300100", "DE", "99030301", null)), "SECTION_122");
        flagOf.put(file("01", "2025-06-02", line(1, "8471300100", "DE", "99030125", null)), "IEEPA");
        flagOf.put(file("01", "2026-11-18", line(1, "5201000500", "US", null, null)), "UFLPA");
        flagOf.put(file("03", "2026-11-18", line(1, "8479899000", "CN", null, "A-570-910-000")), "ADCVD");
        flagOf.put(file("86", "2025-07-01", line(1, "8471300100", "DE", null, null)), "LOW_VALUE");

        Map<String, String> agencyOf = new LinkedHashMap<>();
        agencyOf.put(file("01", "2026-11-18", line(1, "2106909800", "MX", null, null)), "FDA/FD3/false");
        agencyOf.put(file("01", "2026-11-18", line(1, "0201100000", "MX", null, null)), "FSIS/FS4/true");
        agencyOf.put(file("01", "2026-11-18", line(1, "0306170000", "VN", null, null)), "NMFS/NM8/true");
        agencyOf.put(file("01", "2026-11-18", line(1, "0603110000", "CO", null, null)), "APHIS/AQ1/false");
        agencyOf.put(file("01", "2026-11-18", line(1, "2204210000", "FR", null, null)), "TTB/TB1/false");
        agencyOf.put(file("01", "2026-11-18", line(1, "3808910000", "IN", null, null)), "EPA/EP8/true");
        agencyOf.put(file("01", "2026-11-18", line(1, "8703230100", "JP", null, null)), "NHTSA/DT2/true");
        agencyOf.put(file("01", "2026-11-18", line(1, "0106110000", "ZA", null, null)), "FWS/FW2/true");
        agencyOf.put(file("01", "2026-11-18", line(1, "9503000090", "CN", null, null)), "CPSC/CP2/true");

        Map<String, String> rejectedAt = new LinkedHashMap<>();
        rejectedAt.put(file("86", "2026-11-18", line(1, "8471300100", "DE", null, null)), "entryType ENTRY_TYPE_NOT_IN_FORCE");
        rejectedAt.put(file("86", "2025-06-02", line(1, "8471300100", "CN", null, null)), "entryType ENTRY_TYPE_NOT_IN_FORCE");
        rejectedAt.put(file("01", "2026-11-18", line(1, "8471300100", "CN", "99030125", null)),
                "lines[0].chapter99Numbers[0] CHAPTER99_NOT_IN_FORCE");
        rejectedAt.put(file("01", "2026-11-18", line(1, "8471300100", "CN", "99030301", null)),
                "lines[0].chapter99Numbers[0] CHAPTER99_NOT_IN_FORCE");

        int expected = flagOf.size() + agencyOf.size() + rejectedAt.size();
        try (KafkaConsumer<String, String> reader = committedReader(Topics.ROUTED.name(), Topics.REJECTED.name())) {
            List<ConsumerRecord<String, String>> records = readUntil(reader, Duration.ofSeconds(90),
                    all -> all.stream().filter(r -> r.key() != null && r.key().startsWith(filer + "-")).count() >= expected);
            Map<String, Map<String, Object>> routed = new LinkedHashMap<>();
            Map<String, Map<String, Object>> rejected = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                if (r.key() != null && r.key().startsWith(filer + "-")) {
                    (r.topic().equals(Topics.ROUTED.name()) ? routed : rejected).put(r.key(), json(r.value()));
                }
            }
            assertThat(rejected).containsOnlyKeys(rejectedAt.keySet());
            flagOf.forEach((entry, flag) -> {
                assertThat(list(routed.get(entry).get("flags"))).as(entry + " " + flag).contains(flag);
                assertThat(map(routed.get(entry).get("referenceVersions"))).as("versions")
                        .containsKeys("entryTypes", "chapter99", "uflpaSectors", "partnerAgencies", "workloadModel");
            });
            assertThat(list(routed.get(keyOf(flagOf, "UFLPA")).get("flags"))).containsExactly("UFLPA");
            agencyOf.forEach((entry, expectedAgency) -> {
                List<?> agencies = (List<?>) routed.get(entry).get("partnerAgencies");
                assertThat(agencies.stream().map(a -> (Map<?, ?>) a)
                        .map(a -> a.get("agency") + "/" + a.get("flag") + "/" + a.get("required")).toList())
                        .as(entry).contains(expectedAgency);
            });
            assertThat((List<?>) routed.get(keyOf(flagOf, "SECTION_122")).get("partnerAgencies")).isEmpty();
            rejectedAt.forEach((entry, reason) -> {
                List<?> reasons = (List<?>) rejected.get(entry).get("reasons");
                assertThat(reasons.stream().map(x -> (Map<?, ?>) x).map(x -> x.get("field") + " " + x.get("code")).toList())
                        .as(entry).containsExactly(reason);
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object value) {
        return (Map<Object, Object>) value;
    }

    private static String keyOf(Map<String, String> map, String value) {
        return map.entrySet().stream().filter(e -> e.getValue().equals(value)).findFirst().orElseThrow().getKey();
    }
}
