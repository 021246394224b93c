package org.centerline.contracts.schema;

import org.centerline.contracts.event.Decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.centerline.contracts.schema.ContractSchemas.CENTER_COMMAND;
import static org.centerline.contracts.schema.ContractSchemas.CENTER_ENTRY;
import static org.centerline.contracts.schema.ContractSchemas.DELIVERY;
import static org.centerline.contracts.schema.ContractSchemas.DELIVERY_STATUS;
import static org.centerline.contracts.schema.ContractSchemas.IMPORTER_ASSIGNMENT;
import static org.centerline.contracts.schema.ContractSchemas.REBALANCING_REVIEW;
import static org.centerline.contracts.schema.ContractSchemas.REJECTION;
import static org.centerline.contracts.schema.ContractSchemas.ROUTING_DECISION;
import static org.centerline.contracts.schema.ContractSchemas.STAFFING_ROSTER;
import static org.centerline.contracts.schema.ContractSchemas.STATUS_CHANGED;

import com.networknt.schema.Error;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.ImporterAssignment;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;
import org.centerline.contracts.json.CenterlineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The event records as {@link CenterlineJson#mapper()} writes them, against their published schemas. */
class EventSchemasTest {

    private static final Instant FILED_AT = Instant.parse("2026-11-20T14:03:10Z");
    /** An instant with nanoseconds, as {@code Instant.now()} gives them. */
    private static final Instant ROUTED_AT = Instant.parse("2026-11-20T14:03:11.123456789Z");

    private static final EntrySummary SUMMARY = new EntrySummary(1, "ABC-1234567-6", "ABC", "01", "12-3456789AB", "2704",
            LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), "11", List.of(
                    new EntryLine(1, "8471300100", "CN", new BigDecimal("125000.00"), List.of("99038803"), null),
                    new EntryLine(2, "8473301180", "CN", new BigDecimal("980.50"), List.of(), null)));

    private static final RoutingDecision DECISION = new RoutingDecision(1, "ABC-1234567-6", "ABC", "12-3456789AB", "01",
            "ELE", RoutingBasis.HTS, Map.of("ELE", 2), Map.of("8471", 1, "8473", 1), "2026.11-1", 1.6, List.of(RoutingFlag.SECTION_301), null,
            FILED_AT, ROUTED_AT);

    private static final StaffingRoster ROSTER = StaffingRoster.of("ELE", List.of(
            new Specialist("ele-0042", "Dana Reyes", SpecialistRole.IMPORT_SPECIALIST, List.of(84, 85), true),
            new Specialist("ele-0043", "Sam Okafor", SpecialistRole.ENTRY_SPECIALIST, List.of(), false),
            new Specialist("ele-0044", "Lee Park", SpecialistRole.IMPORT_SPECIALIST, null, false)), ROUTED_AT);

    /** A claim as center-service writes it (there is no record: the command is internal to center-service). */
    private static final String CLAIM = """
            {"commandId":"5f0c6f0e-2b7a-4a57-9a51-6f0d8f1c2e3a","type":"CLAIM","entryNumber":"ABC-1234567-6",
             "centerCode":"ELE","specialistId":"ele-0042","action":null,"at":"2026-11-24T09:00:00.123456789Z"}""";

    /** A delivery as notification-service writes it on {@code notifications} and POSTs it to a webhook (no record in contracts). */
    private static final String DELIVERY_JSON = """
            {"deliveryId":"3b8f6a2e-9c1d-4e7f-8a25-0d6c4b1e9f73","subscriptionId":"sub-abc-broker","eventType":"entry.status",
             "occurredAt":"2026-11-24T09:30:00.123456789Z","data":{"entryNumber":"ABC-1234567-6","centerCode":"ELE",
             "filerCode":"ABC","importerNumber":"12-3456789AB","status":"CF28_ISSUED","at":"2026-11-24T09:30:00.123456789Z"}}""";

    private static ObjectNode delivery() {
        return (ObjectNode) CenterlineJson.mapper().readTree(DELIVERY_JSON);
    }

    /** The state of {@link #delivery()} after a failed first attempt. */
    private static ObjectNode deliveryStatus() {
        ObjectNode delivery = delivery();
        ObjectNode status = CenterlineJson.mapper().createObjectNode()
                .put("deliveryId", delivery.get("deliveryId").asString())
                .put("subscriptionId", delivery.get("subscriptionId").asString())
                .put("eventType", delivery.get("eventType").asString())
                .put("state", "RETRYING")
                .put("attempts", 1)
                .put("lastError", "HTTP 503")
                .put("updatedAt", "2026-11-24T09:30:01.5Z");
        status.set("delivery", delivery);
        return status;
    }

    private static String json(Object record) {
        return CenterlineJson.mapper().writeValueAsString(record);
    }

    private static ObjectNode tree(Object record) {
        return (ObjectNode) CenterlineJson.mapper().valueToTree(record);
    }

    private static List<Error> validate(String schema, Object recordOrTree) {
        String text = recordOrTree instanceof JsonNode node ? node.toString() : json(recordOrTree);
        return ContractSchemas.validate(schema, text);
    }

    // --- entry-summaries.rejected

    @Test
    void rejectionWithReasonsPasses() {
        Rejection rejection = new Rejection(1, "ABC-1234568-4", "ABC", List.of(
                new RejectionReason("lines[0].htsNumber", "HTS_FORMAT", "htsNumber must be 10 digits"),
                new RejectionReason("lines[1].countryOfOrigin", "COUNTRY_UNKNOWN", "XX is not a country")),
                ROUTED_AT, "{\"entryNumber\":\"ABC-1234568-4\"}");
        assertThat(validate(REJECTION, rejection)).isEmpty();
    }

    @Test
    void rejectionOfAFilingThatIsNotJsonPassesWithoutEntryNumber() {
        Rejection rejection = new Rejection(1, null, null, List.of(new RejectionReason("", "NOT_JSON", "not JSON")),
                ROUTED_AT, "{\"entryNumber\":");
        assertThat(json(rejection)).doesNotContain("entryNumber\":null").doesNotContain("filerCode");
        assertThat(validate(REJECTION, rejection)).isEmpty();
    }

    @Test
    void rejectionPayloadIsCutAtTheRecordsLimit() {
        String atLimit = "x".repeat(Rejection.MAX_PAYLOAD_BYTES);
        Rejection cut = new Rejection(1, "ABC-1234568-4", "ABC", List.of(new RejectionReason("", "TOO_LARGE", "too large")),
                ROUTED_AT, atLimit);
        Rejection notCut = new Rejection(1, "ABC-1234568-4", "ABC", List.of(new RejectionReason("", "TOO_LARGE", "too large")),
                ROUTED_AT, atLimit + "x");

        assertThat(validate(REJECTION, cut)).isEmpty();
        assertThat(validate(REJECTION, notCut)).singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("maxLength"));
    }

    @Test
    void rejectionNeedsAtLeastOneReason() {
        Rejection rejection = new Rejection(1, "ABC-1234568-4", "ABC", List.of(), ROUTED_AT, "{}");
        assertThat(validate(REJECTION, rejection)).singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("minItems"))
                .satisfies(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/reasons"));
    }

    @Test
    void rejectionReasonNeedsItsField() {
        Rejection rejection = new Rejection(1, "ABC-1234568-4", "ABC", List.of(new RejectionReason(null, "X", "m")),
                ROUTED_AT, "{}");
        assertThat(validate(REJECTION, rejection)).singleElement()
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo("field"));
    }

    // --- entry-summaries.routed

    @Test
    void routingDecisionByHtsPasses() {
        assertThat(json(DECISION)).doesNotContain("previousCenterCode");
        assertThat(validate(ROUTING_DECISION, DECISION)).isEmpty();
    }

    @Test
    void routingDecisionByAccountOfARefilingWithEveryFlagPasses() {
        RoutingDecision decision = new RoutingDecision(1, "JRS-7654321-2", "JRS", "123-45-6789", "03", "PHC",
                RoutingBasis.ACCOUNT, Map.of("BME", 2, "MAC", 1), Map.of(), "2026.11-1", 4.2, Arrays.asList(RoutingFlag.values()),
                "BME", FILED_AT, Instant.now());
        assertThat(validate(ROUTING_DECISION, decision)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RoutingBasis.class)
    void everyBasisPasses(RoutingBasis basis) {
        RoutingDecision decision = new RoutingDecision(1, "ABC-1234567-6", "ABC", "12-3456789AB", "01", "ELE", basis,
                Map.of("ELE", 1), Map.of(), "2026.11-1", 1.0, List.of(), null, FILED_AT, ROUTED_AT);
        assertThat(validate(ROUTING_DECISION, decision)).isEmpty();
    }

    @Test
    void routingDecisionToEveryCenterPasses() {
        for (Center center : Centers.all()) {
            RoutingDecision decision = new RoutingDecision(1, "ABC-1234567-6", "ABC", "12-3456789AB", "01", center.code(),
                    RoutingBasis.HTS, Map.of(center.code(), 1), Map.of(), "2026.11-1", 1.0, List.of(), null, FILED_AT, ROUTED_AT);
            assertThat(validate(ROUTING_DECISION, decision)).as(center.code()).isEmpty();
        }
    }

    @Test
    void routingDecisionToAnUnknownCenterFails() {
        RoutingDecision decision = new RoutingDecision(1, "ABC-1234567-6", "ABC", "12-3456789AB", "01", "XYZ",
                RoutingBasis.HTS, Map.of("ele", 1), Map.of(), "2026.11-1", 1.0, List.of(), null, FILED_AT, ROUTED_AT);
        assertThat(validate(ROUTING_DECISION, decision))
                .extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .containsExactlyInAnyOrder("enum /centerCode", "propertyNames /linesByCenter");
    }

    @Test
    void routingDecisionWithoutInstantsFails() {
        RoutingDecision decision = new RoutingDecision(1, "ABC-1234567-6", "ABC", "12-3456789AB", "01", "ELE",
                RoutingBasis.HTS, Map.of("ELE", 1), Map.of(), "2026.11-1", 1.0, List.of(), null, null, null);
        assertThat(validate(ROUTING_DECISION, decision)).extracting(Error::getProperty)
                .containsExactlyInAnyOrder("filedAt", "routedAt");
    }

    // --- centers.<code>.entry-summaries

    @Test
    void routedCenterEntryPasses() {
        CenterEntry entry = CenterEntry.routed(SUMMARY, DECISION);
        assertThat(validate(CENTER_ENTRY, entry)).isEmpty();
    }

    @Test
    void withdrawnCenterEntryPasses() {
        RoutingDecision moved = new RoutingDecision(1, "ABC-1234567-6", "ABC", "12-3456789AB", "01", "MAC",
                RoutingBasis.HTS, Map.of("MAC", 2), Map.of("8401", 2), "2026.11-2", 1.1, List.of(RoutingFlag.REFILED), "ELE",
                FILED_AT, ROUTED_AT);
        CenterEntry entry = CenterEntry.withdrawn("ABC-1234567-6", "ELE", moved);
        assertThat(json(entry)).doesNotContain("entrySummary");
        assertThat(validate(CENTER_ENTRY, entry)).isEmpty();
    }

    @Test
    void routedCenterEntryWithoutItsSummaryFails() {
        CenterEntry entry = new CenterEntry(1, CenterEntry.Action.ROUTED, "ABC-1234567-6", "ELE", null, DECISION, null,
                ROUTED_AT);
        assertThat(validate(CENTER_ENTRY, entry)).singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("required"))
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo("entrySummary"));
    }

    @Test
    void centerEntryChecksTheSummaryAndDecisionInside() {
        ObjectNode entry = tree(CenterEntry.routed(SUMMARY, DECISION));
        ((ObjectNode) entry.get("entrySummary").get("lines").get(0)).put("htsNumber", "847130");
        ((ObjectNode) entry.get("decision")).put("basis", "hts");

        assertThat(validate(CENTER_ENTRY, entry)).extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .containsExactlyInAnyOrder("pattern /entrySummary/lines/0/htsNumber", "enum /decision/basis");
    }

    // --- importer-assignments

    @Test
    void importerAssignmentPasses() {
        for (String importer : List.of("12-3456789AB", "123-45-6789", "123456-12345")) {
            assertThat(validate(IMPORTER_ASSIGNMENT, new ImporterAssignment(importer, "PHC", LocalDate.of(2026, 11, 1))))
                    .as(importer).isEmpty();
        }
    }

    @Test
    void importerAssignmentWithABadImporterOrCenterOrNoDateFails() {
        assertThat(validate(IMPORTER_ASSIGNMENT, new ImporterAssignment("12345", "PHC", LocalDate.of(2026, 11, 1))))
                .extracting(Error::getKeyword).containsExactly("pattern");
        assertThat(validate(IMPORTER_ASSIGNMENT, new ImporterAssignment("12-3456789AB", "phc", LocalDate.of(2026, 11, 1))))
                .extracting(Error::getKeyword).containsExactly("enum");
        assertThat(validate(IMPORTER_ASSIGNMENT, new ImporterAssignment("12-3456789AB", "PHC", null)))
                .extracting(Error::getProperty).containsExactly("effectiveFrom");
    }

    // --- entry-summaries.status

    @ParameterizedTest
    @EnumSource(EntryStatus.class)
    void everyStatusPasses(EntryStatus status) {
        StatusChanged changed = new StatusChanged(1, "ABC-1234567-6", "ELE", "ABC", "12-3456789AB", status, "ele-0042", "because", ROUTED_AT);
        assertThat(validate(STATUS_CHANGED, changed)).isEmpty();
    }

    @Test
    void statusWithoutSpecialistOrReasonPasses() {
        StatusChanged changed = new StatusChanged(1, "ABC-1234567-6", "ELE", "ABC", "12-3456789AB", EntryStatus.QUEUED, null, null, ROUTED_AT);
        assertThat(json(changed)).doesNotContain("specialistId").doesNotContain("reason");
        assertThat(validate(STATUS_CHANGED, changed)).isEmpty();
    }

    @Test
    void statusWithoutStatusFails() {
        StatusChanged changed = new StatusChanged(1, "ABC-1234567-6", "ELE", "ABC", "12-3456789AB", null, null, null, ROUTED_AT);
        assertThat(validate(STATUS_CHANGED, changed)).singleElement()
                .satisfies(e -> assertThat(e.getProperty()).isEqualTo("status"));
    }

    @Test
    void statusNamesTheFilerAndImporterItConcerns() {
        StatusChanged changed = new StatusChanged(1, "JRS-7654321-2", "PHC", "JRS", "123-45-6789", EntryStatus.ACCEPTED,
                "phc-0007", null, ROUTED_AT);
        ObjectNode written = tree(changed);

        assertThat(written.path("filerCode").asString()).isEqualTo("JRS");
        assertThat(written.path("importerNumber").asString()).isEqualTo("123-45-6789");
        assertThat(validate(STATUS_CHANGED, changed)).isEmpty();
    }

    @Test
    void statusWithALowerCaseOrLongFilerCodeFails() {
        for (String filer : List.of("abc", "ABCD", "AB")) {
            StatusChanged changed = new StatusChanged(1, "ABC-1234567-6", "ELE", filer, "12-3456789AB", EntryStatus.QUEUED,
                    null, null, ROUTED_AT);
            assertThat(validate(STATUS_CHANGED, changed)).as(filer).singleElement()
                    .satisfies(e -> assertThat(e.getKeyword() + " " + e.getInstanceLocation()).isEqualTo("pattern /filerCode"));
        }
    }

    // --- center-staffing

    @Test
    void rosterOfSpecialistsPasses() {
        ObjectNode written = tree(ROSTER);

        assertThat(validate(STAFFING_ROSTER, ROSTER)).isEmpty();
        // Compared as trees: the record's Map.copyOf gives no stable order of the roles in the JSON text.
        assertThat(written.get("countsByRole")).isEqualTo(CenterlineJson.mapper().readTree(
                "{\"DRAWBACK_SPECIALIST\":0,\"ENTRY_SPECIALIST\":1,\"IMPORT_SPECIALIST\":2}"));
        assertThat(written.get("onDutyByRole")).isEqualTo(CenterlineJson.mapper().readTree(
                "{\"DRAWBACK_SPECIALIST\":0,\"ENTRY_SPECIALIST\":0,\"IMPORT_SPECIALIST\":1}"));
        assertThat(written.at("/specialists/2/specialties").toString()).as("null specialties are written as []").isEqualTo("[]");
        assertThat(written.at("/specialists/1/onDuty").asBoolean(true)).isFalse();
        assertThat(written.at("/updatedAt").asString()).isEqualTo("2026-11-20T14:03:11.123456789Z");
        assertThat(written.path("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void emptyRosterPassesWithEveryRoleCountedZero() {
        StaffingRoster empty = StaffingRoster.of("AGR", List.of(), ROUTED_AT);

        assertThat(json(empty)).contains("\"specialists\":[]");
        assertThat(empty.countsByRole()).containsOnlyKeys(SpecialistRole.values()).allSatisfy((role, n) -> assertThat(n).isZero());
        assertThat(validate(STAFFING_ROSTER, empty)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpecialistRole.class)
    void everyRolePasses(SpecialistRole role) {
        StaffingRoster roster = StaffingRoster.of("PHC", List.of(new Specialist("phc-0001", "Ana Lima", role, List.of(30), true)),
                ROUTED_AT);
        assertThat(roster.countsByRole().get(role)).isEqualTo(1);
        assertThat(roster.onDutyByRole().get(role)).isEqualTo(1);
        assertThat(validate(STAFFING_ROSTER, roster)).isEmpty();
    }

    @Test
    void rosterOfEveryCenterPasses() {
        for (Center center : Centers.all()) {
            StaffingRoster roster = StaffingRoster.of(center.code(), List.of(new Specialist(
                    center.code().toLowerCase(Locale.ROOT) + "-0001", null, SpecialistRole.ENTRY_SPECIALIST, List.of(1, 97), true)), ROUTED_AT);
            assertThat(json(roster)).as("a null name is left out").doesNotContain("\"name\"");
            assertThat(validate(STAFFING_ROSTER, roster)).as(center.code()).isEmpty();
        }
    }

    @Test
    void rosterCountsNeverExceedTheSpecialists() {
        for (SpecialistRole role : SpecialistRole.values()) {
            assertThat(ROSTER.onDutyByRole().get(role)).as(role.name()).isLessThanOrEqualTo(ROSTER.countsByRole().get(role));
        }
        assertThat(ROSTER.countsByRole().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROSTER.specialists().size());
    }

    @Test
    void rosterReadsBackAsTheSameRecord() {
        assertThat(CenterlineJson.mapper().readValue(json(ROSTER), StaffingRoster.class)).isEqualTo(ROSTER);
    }

    @Test
    void rosterOfAnUnknownCenterOrWithoutItsInstantFails() {
        StaffingRoster lowerCase = StaffingRoster.of("ele", List.of(), ROUTED_AT);
        StaffingRoster noInstant = StaffingRoster.of("ELE", List.of(), null);

        assertThat(validate(STAFFING_ROSTER, lowerCase)).extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .containsExactly("enum /centerCode");
        assertThat(validate(STAFFING_ROSTER, noInstant)).extracting(Error::getProperty).containsExactly("updatedAt");
    }

    @Test
    void specialistWithoutIdOrRoleFails() {
        // The canonical constructor: StaffingRoster.of cannot count a specialist without a role.
        StaffingRoster roster = new StaffingRoster(1, "ELE", List.of(
                new Specialist(null, "No Id", SpecialistRole.IMPORT_SPECIALIST, List.of(), true),
                new Specialist("ele-0045", "No Role", null, List.of(), true)), Map.of(), Map.of(), ROUTED_AT);

        assertThat(validate(STAFFING_ROSTER, roster)).extracting(e -> e.getInstanceLocation() + " " + e.getProperty())
                .containsExactlyInAnyOrder("/specialists/0 id", "/specialists/1 role");
    }

    @Test
    void specialtiesAreHtsChapters() {
        ObjectNode roster = tree(ROSTER);
        ((ObjectNode) roster.at("/specialists/0")).putArray("specialties").add(0).add(85).add(100);
        ((ObjectNode) roster.at("/specialists/1")).putArray("specialties").add("84");

        assertThat(validate(STAFFING_ROSTER, roster)).extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .containsExactlyInAnyOrder("minimum /specialists/0/specialties/0", "maximum /specialists/0/specialties/2",
                        "type /specialists/1/specialties/0");
    }

    @Test
    void countsAreNonNegativeIntegersPerKnownRole() {
        ObjectNode roster = tree(ROSTER);
        ((ObjectNode) roster.get("countsByRole")).put("IMPORT_SPECIALIST", -1).put("import_specialist", 1);
        ((ObjectNode) roster.get("onDutyByRole")).put("ENTRY_SPECIALIST", 0.5);

        assertThat(validate(STAFFING_ROSTER, roster)).extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .contains("minimum /countsByRole/IMPORT_SPECIALIST", "propertyNames /countsByRole",
                        "type /onDutyByRole/ENTRY_SPECIALIST");
    }

    // --- center-service.commands

    private static ObjectNode claim() {
        return (ObjectNode) CenterlineJson.mapper().readTree(CLAIM);
    }

    @Test
    void claimPasses() {
        assertThat(validate(CENTER_COMMAND, claim())).isEmpty();
        ObjectNode withoutAction = claim();
        withoutAction.remove("action");
        assertThat(validate(CENTER_COMMAND, withoutAction)).as("action left out").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void everyDecisionPasses(String action) {
        ObjectNode decide = claim().put("type", "DECIDE").put("action", action).put("reason", "because");
        assertThat(validate(CENTER_COMMAND, decide)).isEmpty();
    }

    static Stream<String> decisions() {
        return Stream.of(Decision.values()).map(Decision::name);
    }

    @Test
    void answerToACf28PassesWithoutASpecialist() {
        ObjectNode answer = claim().put("type", "ANSWER_CF28").put("reason", "BOM attached");
        answer.remove("specialistId");
        assertThat(validate(CENTER_COMMAND, answer)).isEmpty();
    }

    @Test
    void aDecisionNeedsItsAction() {
        ObjectNode withoutAction = claim().put("type", "DECIDE");
        withoutAction.remove("action");
        ObjectNode nullAction = claim().put("type", "DECIDE");
        ObjectNode lowerCase = claim().put("type", "DECIDE").put("action", "accept");

        assertThat(validate(CENTER_COMMAND, withoutAction)).extracting(e -> e.getKeyword() + " " + e.getProperty())
                .containsExactly("required action");
        assertThat(validate(CENTER_COMMAND, nullAction)).extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .containsExactly("type /action");
        assertThat(validate(CENTER_COMMAND, lowerCase)).extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .containsExactly("enum /action");
    }

    @Test
    void onlyADecisionHasAnAction() {
        assertThat(validate(CENTER_COMMAND, claim().put("action", "ACCEPT")))
                .extracting(e -> e.getKeyword() + " " + e.getInstanceLocation()).containsExactly("type /action");
        assertThat(validate(CENTER_COMMAND, claim().put("type", "ANSWER_CF28").put("action", "CF28")))
                .extracting(e -> e.getKeyword() + " " + e.getInstanceLocation()).containsExactly("type /action");
    }

    @Test
    void claimsAndDecisionsNeedTheirSpecialist() {
        for (String type : List.of("CLAIM", "DECIDE")) {
            ObjectNode command = claim().put("type", type);
            if (type.equals("DECIDE")) {
                command.put("action", "ACCEPT");
            }
            command.remove("specialistId");
            assertThat(validate(CENTER_COMMAND, command)).as(type).extracting(Error::getProperty).containsExactly("specialistId");
        }
    }

    @Test
    void aCommandOfAnUnknownTypeCenterOrEntryFails() {
        ObjectNode command = claim().put("type", "RELEASE").put("centerCode", "ele").put("entryNumber", "ABC-1234567");

        assertThat(validate(CENTER_COMMAND, command)).extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .containsExactlyInAnyOrder("enum /type", "enum /centerCode", "pattern /entryNumber");
    }

    @Test
    void aCommandNeedsItsIdTypeEntryCenterAndInstant() {
        assertThat(validate(CENTER_COMMAND, CenterlineJson.mapper().createObjectNode()))
                .extracting(Error::getProperty)
                .containsExactlyInAnyOrder("commandId", "type", "entryNumber", "centerCode", "at");
    }

    @Test
    void rosterCommandsNeedNoEntryButTheirSpecialists() {
        ObjectNode put = claim().put("type", "PUT_SPECIALIST");
        put.remove("entryNumber");
        put.remove("action");
        put.putObject("specialist").put("id", "ele-0042").put("name", "Dana").put("role", "IMPORT_SPECIALIST").put("onDuty", true);
        assertThat(validate(CENTER_COMMAND, put)).isEmpty();
        ObjectNode putWithout = put.deepCopy();
        putWithout.remove("specialist");
        assertThat(validate(CENTER_COMMAND, putWithout)).extracting(Error::getProperty).containsExactly("specialist");

        ObjectNode remove = claim().put("type", "REMOVE_SPECIALIST");
        remove.remove("entryNumber");
        remove.remove("action");
        assertThat(validate(CENTER_COMMAND, remove)).isEmpty();
        remove.remove("specialistId");
        assertThat(validate(CENTER_COMMAND, remove)).extracting(Error::getProperty).containsExactly("specialistId");

        ObjectNode seed = claim().put("type", "SEED_ROSTER");
        seed.remove("entryNumber");
        seed.remove("action");
        seed.remove("specialistId");
        assertThat(validate(CENTER_COMMAND, seed)).extracting(Error::getProperty).containsExactly("specialists");
        seed.putArray("specialists").addObject().put("id", "ele-1").put("role", "ENTRY_SPECIALIST").put("onDuty", false);
        assertThat(validate(CENTER_COMMAND, seed)).isEmpty();
    }

    @Test
    void entryCommandsStillNeedTheirEntry() {
        for (String type : List.of("CLAIM", "ANSWER_CF28")) {
            ObjectNode command = claim().put("type", type);
            command.remove("entryNumber");
            assertThat(validate(CENTER_COMMAND, command)).as(type).extracting(Error::getProperty).containsExactly("entryNumber");
        }
    }

    @Test
    void schemaVersionOfEventsIsOne() {
        StatusChanged zero = new StatusChanged(0, "ABC-1234567-6", "ELE", "ABC", "12-3456789AB", EntryStatus.QUEUED, null, null, ROUTED_AT);
        assertThat(validate(STATUS_CHANGED, zero)).singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("const"));
    }

    // --- notifications and notifications-retry-N (internal to notification-service; the webhook body)

    @ParameterizedTest
    @ValueSource(strings = {"entry.rejected", "entry.status", "announcement"})
    void deliveryOfEveryEventTypePasses(String eventType) {
        assertThat(validate(DELIVERY, delivery().put("eventType", eventType))).isEmpty();
    }

    @Test
    void deliveryDataIsAnyObject() {
        ObjectNode empty = delivery();
        empty.putObject("data");
        ObjectNode announcement = delivery().put("eventType", "announcement");
        announcement.putObject("data").put("announcementId", "26-000123").putArray("centers").add("PHC");

        assertThat(validate(DELIVERY, empty)).isEmpty();
        assertThat(validate(DELIVERY, announcement)).isEmpty();
    }

    @Test
    void deliveryOfAnUnknownEventTypeOrWithDataThatIsNoObjectFails() {
        ObjectNode delivery = delivery().put("eventType", "entry.archived").put("data", "CF28_ISSUED");

        assertThat(validate(DELIVERY, delivery)).extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .containsExactlyInAnyOrder("enum /eventType", "type /data");
        assertThat(validate(DELIVERY, delivery().put("eventType", "ENTRY.STATUS")))
                .extracting(e -> e.getKeyword() + " " + e.getInstanceLocation()).containsExactly("enum /eventType");
    }

    @Test
    void deliveryNeedsEveryField() {
        assertThat(validate(DELIVERY, CenterlineJson.mapper().createObjectNode())).extracting(Error::getProperty)
                .containsExactlyInAnyOrder("deliveryId", "subscriptionId", "eventType", "occurredAt", "data");
        assertThat(validate(DELIVERY, delivery().put("subscriptionId", ""))).extracting(Error::getKeyword)
                .containsExactly("minLength");
    }

    @Test
    void deliveryReadersIgnoreFieldsTheyDoNotKnow() {
        assertThat(validate(DELIVERY, delivery().put("attempt", 2))).isEmpty();
    }

    // --- notifications.delivery-status (internal to notification-service)

    @ParameterizedTest
    @ValueSource(strings = {"PENDING", "RETRYING", "DELIVERED", "DEAD", "CANCELLED"})
    void everyDeliveryStatePasses(String state) {
        assertThat(validate(DELIVERY_STATUS, deliveryStatus().put("state", state))).isEmpty();
    }

    @Test
    void pendingDeliveryWithoutAttemptsOrErrorPasses() {
        ObjectNode pending = deliveryStatus().put("state", "PENDING").put("attempts", 0);
        pending.remove("lastError");
        assertThat(validate(DELIVERY_STATUS, pending)).isEmpty();
    }

    @Test
    void deliveryStateOfAnUnknownStateOrNegativeOrFractionalAttemptsFails() {
        assertThat(validate(DELIVERY_STATUS, deliveryStatus().put("state", "delivered")))
                .extracting(e -> e.getKeyword() + " " + e.getInstanceLocation()).containsExactly("enum /state");
        assertThat(validate(DELIVERY_STATUS, deliveryStatus().put("attempts", -1)))
                .extracting(e -> e.getKeyword() + " " + e.getInstanceLocation()).containsExactly("minimum /attempts");
        assertThat(validate(DELIVERY_STATUS, deliveryStatus().put("attempts", 1.5)))
                .extracting(e -> e.getKeyword() + " " + e.getInstanceLocation()).containsExactly("type /attempts");
    }

    @Test
    void deliveryStateNeedsEverythingButTheLastError() {
        assertThat(validate(DELIVERY_STATUS, CenterlineJson.mapper().createObjectNode())).extracting(Error::getProperty)
                .containsExactlyInAnyOrder("deliveryId", "subscriptionId", "eventType", "state", "attempts", "updatedAt",
                        "delivery");
    }

    @Test
    void deliveryStateChecksTheDeliveryInside() {
        ObjectNode status = deliveryStatus();
        ((ObjectNode) status.get("delivery")).put("eventType", "entry.archived").remove("data");

        assertThat(validate(DELIVERY_STATUS, status)).extracting(e -> e.getKeyword() + " " + e.getInstanceLocation())
                .containsExactlyInAnyOrder("enum /delivery/eventType", "required /delivery");
    }

    static Stream<Arguments> deliverySamples() {
        return Stream.of(Arguments.of("notifications", DELIVERY), Arguments.of("notifications.delivery-status", DELIVERY_STATUS))
                .flatMap(a -> Samples.jsonFiles((String) a.get()[0]).stream()
                        .map(file -> Arguments.of(a.get()[0] + "/" + file.getFileName(), file, a.get()[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliverySamples")
    void deliverySampleIsValid(String name, Path file, String schema) {
        JsonNode sample = CenterlineJson.mapper().readTree(Samples.read(file));
        assertThat(validate(schema, sample)).isEmpty();
        if (schema.equals(DELIVERY_STATUS)) {
            // What JSON Schema cannot say: the ids and event type beside the state are the delivery's own.
            for (String field : List.of("deliveryId", "subscriptionId", "eventType")) {
                assertThat(sample.path(field)).as(field).isEqualTo(sample.at("/delivery/" + field));
            }
        }
    }

    @Test
    void theDeliverySamplesCoverEveryEventTypeAndState() {
        List<String> eventTypes = Samples.jsonFiles("notifications").stream()
                .map(f -> CenterlineJson.mapper().readTree(Samples.read(f)).path("eventType").asString()).toList();
        List<String> states = Samples.jsonFiles("notifications.delivery-status").stream()
                .map(f -> CenterlineJson.mapper().readTree(Samples.read(f)).path("state").asString()).toList();

        assertThat(eventTypes).containsExactlyInAnyOrder("entry.rejected", "entry.status", "announcement");
        assertThat(states).containsExactlyInAnyOrder("PENDING", "RETRYING", "DELIVERED", "DEAD", "CANCELLED");
    }

    static Stream<Arguments> datesAndInstants() {
        return Stream.of(
                Arguments.of(IMPORTER_ASSIGNMENT, tree(new ImporterAssignment("12-3456789AB", "PHC", LocalDate.of(2026, 11, 1))),
                        "effectiveFrom", "2026-13-01"),
                Arguments.of(IMPORTER_ASSIGNMENT, tree(new ImporterAssignment("12-3456789AB", "PHC", LocalDate.of(2026, 11, 1))),
                        "effectiveFrom", "2026-11-01T00:00:00Z"),
                Arguments.of(ROUTING_DECISION, tree(DECISION), "filedAt", "2026-11-20"),
                Arguments.of(ROUTING_DECISION, tree(DECISION), "routedAt", "1763647391"),
                Arguments.of(STATUS_CHANGED, tree(new StatusChanged(1, "ABC-1234567-6", "ELE", "ABC", "12-3456789AB", EntryStatus.QUEUED, null, null,
                        ROUTED_AT)), "at", "2026-11-20 14:03:11"),
                Arguments.of(REJECTION, tree(new Rejection(1, null, null, List.of(new RejectionReason("", "X", "m")), ROUTED_AT,
                        "")), "rejectedAt", "yesterday"),
                Arguments.of(CENTER_ENTRY, tree(CenterEntry.routed(SUMMARY, DECISION)), "at", "2026-11-20T25:00:00Z"),
                Arguments.of(STAFFING_ROSTER, tree(ROSTER), "updatedAt", "2026-11-20"),
                Arguments.of(CENTER_COMMAND, claim(), "at", "2026-11-24 09:00"),
                Arguments.of(CENTER_COMMAND, claim(), "commandId", "claim-1"),
                Arguments.of(CENTER_COMMAND, claim(), "commandId", "5f0c6f0e2b7a4a579a516f0d8f1c2e3a"),
                Arguments.of(DELIVERY, delivery(), "occurredAt", "2026-11-24"),
                Arguments.of(DELIVERY, delivery(), "deliveryId", "delivery-1"),
                Arguments.of(DELIVERY_STATUS, deliveryStatus(), "updatedAt", "2026-11-24T09:30:01+0000"),
                Arguments.of(DELIVERY_STATUS, deliveryStatus(), "deliveryId", "3b8f6a2e9c1d4e7f8a250d6c4b1e9f73"));
    }

    @ParameterizedTest(name = "{0} {2} = {3}")
    @MethodSource("datesAndInstants")
    void aMalformedDateInstantOrUuidFails(String schema, ObjectNode valid, String field, String bad) {
        assertThat(validate(schema, valid)).isEmpty();
        assertThat(validate(schema, valid.deepCopy().put(field, bad))).singleElement()
                .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("format"))
                .satisfies(e -> assertThat(e.getInstanceLocation().toString()).isEqualTo("/" + field));
    }

    // --- rebalancing-reviews

    private static RebalancingReview review(String previous, RebalancingReview.Change change) {
        List<RebalancingReview.CenterNumbers> centers = Centers.all().stream().map(c -> new RebalancingReview.CenterNumbers(
                c.code(), 80.25, c.code().equals("ELE") ? 0.0 : 120.0, c.code().equals("ELE") ? null : 0.669, 3, 3, 12, 14.5,
                310, change)).toList();
        return new RebalancingReview(1, "2026-11-30T00:00:00Z", Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2026-12-07T00:00:00Z"), ROUTED_AT, "PT720H", previous,
                new RebalancingReview.Headline(1, List.of("ELE"), 3, 2, 802.5, 1080.0), centers,
                List.of(new RebalancingReview.Transfer("AGR", "ELE", SpecialistRole.IMPORT_SPECIALIST, 2, "ELE has no capacity")),
                List.of(new RebalancingReview.Hire("ELE", SpecialistRole.IMPORT_SPECIALIST, 3, "ELE needs 3")), false);
    }

    @Test
    void firstRebalancingReviewPassesWithoutPreviousOrChange() {
        RebalancingReview first = review(null, null);
        assertThat(json(first)).doesNotContain("previousReviewId").doesNotContain("\"change\"");
        assertThat(validate(REBALANCING_REVIEW, first)).isEmpty();
    }

    @Test
    void laterRebalancingReviewWithChangePasses() {
        RebalancingReview later = review("2026-11-23T00:00:00Z", new RebalancingReview.Change(null, -4, 17, 1));
        assertThat(validate(REBALANCING_REVIEW, later)).isEmpty();
    }

    @Test
    void rebalancingReviewOfAnUnknownCenterFails() {
        ObjectNode bad = tree(review(null, null));
        ((ObjectNode) bad.get("centers").get(0)).put("centerCode", "XYZ");
        assertThat(validate(REBALANCING_REVIEW, bad)).isNotEmpty();
    }

    // --- samples: the records read them and write them back unchanged, and the schema accepts both

    static Stream<Arguments> eventSamples() {
        return Stream.of(
                        Arguments.of("entry-summaries.rejected", Rejection.class, REJECTION),
                        Arguments.of("entry-summaries.routed", RoutingDecision.class, ROUTING_DECISION),
                        Arguments.of("entry-summaries.status", StatusChanged.class, STATUS_CHANGED),
                        Arguments.of("importer-assignments", ImporterAssignment.class, IMPORTER_ASSIGNMENT),
                        Arguments.of("centers.ele.entry-summaries", CenterEntry.class, CENTER_ENTRY),
                        Arguments.of("center-staffing", StaffingRoster.class, STAFFING_ROSTER),
                        Arguments.of("rebalancing-reviews", RebalancingReview.class, REBALANCING_REVIEW))
                .flatMap(a -> Samples.jsonFiles((String) a.get()[0]).stream()
                        .map(file -> Arguments.of(a.get()[0] + "/" + file.getFileName(), file, a.get()[1], a.get()[2])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventSamples")
    void sampleRoundTripsThroughItsRecord(String name, Path file, Class<?> type, String schema) {
        JsonNode sample = CenterlineJson.mapper().readTree(Samples.read(file));
        assertThat(validate(schema, sample)).isEmpty();
        // Contract examples leave schemaVersion out; the records' int schemaVersion needs it (see CenterlineJsonTest).
        ObjectNode readable = ((ObjectNode) sample).deepCopy();
        if (Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.getName().equals("schemaVersion"))
                && !readable.has("schemaVersion")) {
            readable.put("schemaVersion", 1);
        }

        Object record = CenterlineJson.mapper().treeToValue(readable, type);
        JsonNode written = CenterlineJson.mapper().readTree(json(record));

        assertThat(written).isEqualTo(withoutNulls(readable));
        assertThat(validate(schema, written)).isEmpty();
    }

    /** The tree with null-valued properties left out, as the writers leave them out. */
    private static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = CenterlineJson.mapper().readTree(node.toString());
        removeNulls(copy);
        return copy;
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.removeIf(JsonNode::isNull);
        }
        node.forEach(EventSchemasTest::removeNulls);
    }
}
