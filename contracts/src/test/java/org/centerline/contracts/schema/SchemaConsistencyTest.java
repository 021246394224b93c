package org.centerline.contracts.schema;

import org.centerline.contracts.event.Decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.event.CenterEntry;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.contracts.event.ImporterAssignment;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.event.RejectionReason;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The schemas and the Java contract say the same thing: fields, enums, Center codes, metadata. */
class SchemaConsistencyTest {

    static Stream<String> schemas() {
        return ContractSchemas.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void schemaHasIdTitleDescriptionAndDialect(String file) {
        JsonNode schema = ContractSchemas.tree(file);
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(ContractSchemas.ID_PREFIX + file);
        assertThat(schema.path("title").asString()).isNotBlank();
        assertThat(schema.path("description").asString()).isNotBlank();
        assertThat(schema.path("additionalProperties").asBoolean(true)).as("readers ignore unknown fields").isTrue();
        schema.path("properties").forEachEntry((name, property) ->
                assertThat(property.path("description").asString()).as("%s: description of %s", file, name).isNotBlank());
    }

    static Stream<Arguments> recordsAndSchemas() {
        return Stream.of(
                Arguments.of(EntrySummary.class, ContractSchemas.ENTRY_SUMMARY, "/properties"),
                Arguments.of(EntryLine.class, ContractSchemas.ENTRY_SUMMARY, "/$defs/line/properties"),
                Arguments.of(Rejection.class, ContractSchemas.REJECTION, "/properties"),
                Arguments.of(RejectionReason.class, ContractSchemas.REJECTION, "/$defs/reason/properties"),
                Arguments.of(RoutingDecision.class, ContractSchemas.ROUTING_DECISION, "/properties"),
                Arguments.of(CenterEntry.class, ContractSchemas.CENTER_ENTRY, "/properties"),
                Arguments.of(ImporterAssignment.class, ContractSchemas.IMPORTER_ASSIGNMENT, "/properties"),
                Arguments.of(StatusChanged.class, ContractSchemas.STATUS_CHANGED, "/properties"),
                Arguments.of(StaffingRoster.class, ContractSchemas.STAFFING_ROSTER, "/properties"),
                Arguments.of(Specialist.class, ContractSchemas.STAFFING_ROSTER, "/$defs/specialist/properties"),
                Arguments.of(RebalancingReview.class, ContractSchemas.REBALANCING_REVIEW, "/properties"),
                Arguments.of(RebalancingReview.Headline.class, ContractSchemas.REBALANCING_REVIEW, "/$defs/headline/properties"),
                Arguments.of(RebalancingReview.CenterNumbers.class, ContractSchemas.REBALANCING_REVIEW, "/$defs/center/properties"),
                Arguments.of(RebalancingReview.Change.class, ContractSchemas.REBALANCING_REVIEW, "/$defs/change/properties"),
                Arguments.of(RebalancingReview.Transfer.class, ContractSchemas.REBALANCING_REVIEW, "/$defs/transfer/properties"),
                Arguments.of(RebalancingReview.Hire.class, ContractSchemas.REBALANCING_REVIEW, "/$defs/hire/properties"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsAndSchemas")
    void schemaDescribesEveryFieldOfTheRecordAndNoOther(Class<? extends Record> type, String file, String pointer) {
        Set<String> components = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        Set<String> properties = new TreeSet<>();
        ContractSchemas.tree(file).at(pointer).propertyNames().forEach(properties::add);

        assertThat(properties).isEqualTo(components);
    }

    @Test
    void centerCodeEnumsAreTheTenCenters() {
        List<String> codes = Centers.all().stream().map(Center::code).toList();
        List<JsonNode> enums = new ArrayList<>();
        enums.add(ContractSchemas.tree(ContractSchemas.ROUTING_DECISION).at("/$defs/centerCode/enum"));
        enums.add(ContractSchemas.tree(ContractSchemas.CENTER_ENTRY).at("/properties/centerCode/enum"));
        enums.add(ContractSchemas.tree(ContractSchemas.IMPORTER_ASSIGNMENT).at("/properties/centerCode/enum"));
        enums.add(ContractSchemas.tree(ContractSchemas.STATUS_CHANGED).at("/properties/centerCode/enum"));
        enums.add(ContractSchemas.tree(ContractSchemas.STAFFING_ROSTER).at("/properties/centerCode/enum"));
        enums.add(ContractSchemas.tree(ContractSchemas.CENTER_COMMAND).at("/properties/centerCode/enum"));
        enums.add(ContractSchemas.tree(ContractSchemas.REBALANCING_REVIEW).at("/$defs/centerCode/enum"));

        assertThat(codes).hasSize(10);
        for (JsonNode values : enums) {
            assertThat(strings(values)).containsExactlyInAnyOrderElementsOf(codes);
        }
    }

    @Test
    void enumsAreTheJavaEnums() {
        assertThat(strings(ContractSchemas.tree(ContractSchemas.ROUTING_DECISION).at("/properties/flags/items/enum")))
                .containsExactlyInAnyOrderElementsOf(names(RoutingFlag.values()));
        assertThat(strings(ContractSchemas.tree(ContractSchemas.ROUTING_DECISION).at("/properties/basis/enum")))
                .containsExactlyInAnyOrderElementsOf(names(RoutingBasis.values()));
        assertThat(strings(ContractSchemas.tree(ContractSchemas.STATUS_CHANGED).at("/properties/status/enum")))
                .containsExactlyInAnyOrderElementsOf(names(EntryStatus.values()));
        assertThat(strings(ContractSchemas.tree(ContractSchemas.CENTER_ENTRY).at("/properties/action/enum")))
                .containsExactlyInAnyOrderElementsOf(names(CenterEntry.Action.values()));
        assertThat(strings(ContractSchemas.tree(ContractSchemas.STAFFING_ROSTER).at("/$defs/role/enum")))
                .containsExactlyInAnyOrderElementsOf(names(SpecialistRole.values()));
        assertThat(strings(ContractSchemas.tree(ContractSchemas.REBALANCING_REVIEW).at("/$defs/role/enum")))
                .containsExactlyInAnyOrderElementsOf(names(SpecialistRole.values()));
    }

    @Test
    void theCommandSchemaIsTheOneCenterServiceWrites() {
        JsonNode schema = ContractSchemas.tree(ContractSchemas.CENTER_COMMAND);
        Set<String> properties = new TreeSet<>();
        schema.get("properties").propertyNames().forEach(properties::add);

        assertThat(properties).containsExactlyInAnyOrder("commandId", "type", "entryNumber", "centerCode", "specialistId",
                "action", "reason", "at", "specialist", "specialists");
        assertThat(strings(schema.at("/properties/type/enum"))).containsExactly("CLAIM", "DECIDE", "ANSWER_CF28",
                "PUT_SPECIALIST", "REMOVE_SPECIALIST", "SEED_ROSTER");
        JsonNode actions = schema.at("/properties/action/enum");
        List<String> actionNames = new ArrayList<>();
        actions.forEach(a -> actionNames.add(a.isNull() ? null : a.asString()));
        List<String> decisions = new ArrayList<>();
        for (Decision decision : Decision.values()) {
            decisions.add(decision.name());
        }
        decisions.add(null);
        assertThat(actionNames).as("contracts' Decision, then null (JSON null) on the types that are no decision")
                .containsExactlyElementsOf(decisions);
        // entryNumber is required on the entry commands only (not on roster changes): see EventSchemasTest.
        assertThat(strings(schema.get("required"))).containsExactlyInAnyOrder("commandId", "type", "centerCode", "at");
        // The same entry number as every other message.
        assertThat(schema.at("/properties/entryNumber/pattern").asString()).isEqualTo(
                ContractSchemas.tree(ContractSchemas.STATUS_CHANGED).at("/properties/entryNumber/pattern").asString());
    }

    @Test
    void theDeliverySchemaIsTheWebhookBodyNotificationServiceWrites() {
        JsonNode schema = ContractSchemas.tree(ContractSchemas.DELIVERY);
        Set<String> properties = new TreeSet<>();
        schema.get("properties").propertyNames().forEach(properties::add);

        assertThat(properties).containsExactlyInAnyOrder("deliveryId", "subscriptionId", "eventType", "occurredAt", "data");
        assertThat(strings(schema.get("required"))).containsExactlyInAnyOrderElementsOf(properties);
        assertThat(strings(schema.at("/properties/eventType/enum"))).containsExactly("entry.rejected", "entry.status",
                "entry.routed", "announcement");
        assertThat(schema.at("/properties/deliveryId/format").asString()).isEqualTo("uuid");
        assertThat(schema.at("/properties/occurredAt/format").asString()).isEqualTo("date-time");
        assertThat(schema.at("/properties/data/type").asString()).isEqualTo("object");
        assertThat(schema.at("/properties/data/properties").isMissingNode()).as("any object").isTrue();
    }

    @Test
    void theDeliveryStatusSchemaWrapsTheDeliveryWithItsState() {
        JsonNode schema = ContractSchemas.tree(ContractSchemas.DELIVERY_STATUS);
        JsonNode delivery = ContractSchemas.tree(ContractSchemas.DELIVERY);
        Set<String> properties = new TreeSet<>();
        schema.get("properties").propertyNames().forEach(properties::add);

        assertThat(properties).containsExactlyInAnyOrder("deliveryId", "subscriptionId", "eventType", "state", "attempts",
                "lastError", "updatedAt", "delivery");
        assertThat(strings(schema.get("required"))).containsExactlyInAnyOrder("deliveryId", "subscriptionId", "eventType",
                "state", "attempts", "updatedAt", "delivery");
        assertThat(strings(schema.at("/properties/state/enum"))).containsExactly("PENDING", "RETRYING", "DELIVERED", "DEAD",
                "CANCELLED");
        assertThat(schema.at("/properties/attempts/type").asString()).isEqualTo("integer");
        assertThat(schema.at("/properties/attempts/minimum").asInt()).isZero();
        assertThat(schema.at("/properties/updatedAt/format").asString()).isEqualTo("date-time");
        assertThat(schema.at("/properties/delivery/$ref").asString()).isEqualTo(ContractSchemas.DELIVERY);
        // The ids and event type beside the state are the delivery's own.
        for (String field : List.of("deliveryId", "subscriptionId", "eventType")) {
            assertThat(constraints(schema.at("/properties/" + field))).as(field)
                    .isEqualTo(constraints(delivery.at("/properties/" + field)));
        }
    }

    @Test
    void theRejectionPayloadLimitIsTheRecords() {
        assertThat(ContractSchemas.tree(ContractSchemas.REJECTION).at("/properties/payload/maxLength").asInt())
                .isEqualTo(Rejection.MAX_PAYLOAD_BYTES);
    }

    @Test
    void entrySummaryRequiresWhatTheContractRequires() {
        JsonNode schema = ContractSchemas.tree(ContractSchemas.ENTRY_SUMMARY);
        assertThat(strings(schema.get("required"))).containsExactlyInAnyOrder("entryNumber", "filerCode", "entryType",
                "importerNumber", "portOfEntry", "summaryDate", "lines");
        assertThat(strings(schema.at("/$defs/line/required"))).containsExactlyInAnyOrder("lineNumber", "htsNumber",
                "countryOfOrigin", "enteredValue");
        assertThat(schema.at("/properties/lines/minItems").asInt()).isEqualTo(1);
        assertThat(schema.at("/properties/lines/maxItems").asInt()).isEqualTo(999);
    }

    /** A property's schema without its annotations (description, examples): what it allows. */
    private static JsonNode constraints(JsonNode property) {
        ObjectNode copy = (ObjectNode) property.deepCopy();
        copy.remove(List.of("description", "examples"));
        return copy;
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("an array: %s", array).isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
