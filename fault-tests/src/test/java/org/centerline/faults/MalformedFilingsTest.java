package org.centerline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.centerline.contracts.schema.ContractSchemas;
import org.centerline.faults.MalformedFilings.Malformed;
import org.centerline.stackprocess.KafkaClients;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The corpus itself: big enough, every kind of fault, every field of the contract, repeatable, and matchable. */
class MalformedFilingsTest {

    private static final List<Malformed> CORPUS = MalformedFilings.corpus(MalformedFilings.SEED);

    @Test
    void holdsAtLeastTheIssuesThousandFilingsOfEveryKind() {
        Map<String, Long> byCategory = CORPUS.stream()
                .collect(Collectors.groupingBy(Malformed::category, TreeMap::new, Collectors.counting()));
        System.out.println("malformed corpus: " + CORPUS.size() + " filings " + byCategory);
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(MalformedFilings.SIZE);
        assertThat(byCategory).containsKeys("not-json", "not-an-object", "truncated", "field-missing", "field-null",
                "field-wrong-type", "field-wrong-format", "rule", "huge", "deep", "invalid-utf8", "null-key", "fuzzed");
    }

    @Test
    void getsEveryFieldOfTheContractWrongInTurn() {
        JsonNode schema = ContractSchemas.tree(ContractSchemas.ENTRY_SUMMARY);
        List<String> wrongs = CORPUS.stream().filter(m -> m.category().startsWith("field-")).map(Malformed::what).toList();
        schema.path("properties").propertyNames().forEach(field ->
                assertThat(wrongs).as("faults of " + field).anyMatch(w -> w.startsWith(field + " ")));
        schema.path("$defs").path("line").path("properties").propertyNames().forEach(field ->
                assertThat(wrongs).as("faults of lines[].%s", field).anyMatch(w -> w.startsWith("lines[0]." + field + " "))
                        .anyMatch(w -> w.startsWith("lines[1]." + field + " ")));
    }

    @Test
    void isTheSameForTheSameSeed() {
        List<Malformed> again = MalformedFilings.corpus(MalformedFilings.SEED);
        assertThat(again).hasSameSizeAs(CORPUS);
        for (int i = 0; i < CORPUS.size(); i++) {
            assertThat(again.get(i).payload()).as(CORPUS.get(i).toString()).isEqualTo(CORPUS.get(i).payload());
        }
    }

    @Test
    void eachRejectionCanBeToldApartAndEachFilingFitsInARecord() {
        List<String> keys = CORPUS.stream().map(Malformed::rejectionKey).filter(Objects::nonNull).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(CORPUS).filteredOn(m -> m.rejectionKey() == null).isNotEmpty();
        assertThat(CORPUS).allSatisfy(m -> assertThat(m.payload() == null ? 0 : m.payload().length)
                .isLessThan(KafkaClients.MAX_RECORD_BYTES - 64 * 1024));
        assertThat(CORPUS).filteredOn(m -> m.payload() != null && m.payload().length > MalformedFilings.MAX_FILING_BYTES)
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(Arrays.asList(CORPUS.stream().map(Malformed::what).toArray())).doesNotHaveDuplicates();
    }
}
