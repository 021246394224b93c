package org.centerline.contracts.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.centerline.contracts.json.CenterlineJson;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas of the contract, loaded from the classpath and ready to validate
 * messages. Each schema's {@code $id} ({@code https://centerline.dev/schemas/...}) is mapped to the
 * classpath, so relative {@code $ref}s between schemas resolve without any network. Format
 * assertions ({@code date}, {@code date-time}) are on: the contract means them.
 *
 * <p>Part of the contracts test-jar, so other modules' tests can validate what they produce.
 */
public final class ContractSchemas {

    public static final String ID_PREFIX = "https://centerline.dev/schemas/";
    public static final String CLASSPATH_FOLDER = "org/centerline/contracts/schemas/";

    public static final String ENTRY_SUMMARY = "entry-summary.schema.json";
    public static final String REJECTION = "rejection.schema.json";
    public static final String ROUTING_DECISION = "routing-decision.schema.json";
    public static final String CENTER_ENTRY = "center-entry.schema.json";
    public static final String IMPORTER_ASSIGNMENT = "importer-assignment.schema.json";
    public static final String STATUS_CHANGED = "status-changed.schema.json";
    public static final String STAFFING_ROSTER = "staffing-roster.schema.json";
    /** The value of {@code center-service.commands}, internal to center-service (no record in contracts). */
    public static final String CENTER_COMMAND = "center-command.schema.json";
    /**
     * The value of {@code notifications} and its retry topics, internal to notification-service (no record in
     * contracts); also exactly the JSON body of a webhook call.
     */
    public static final String DELIVERY = "delivery.schema.json";
    /** The value of {@code notifications.delivery-status}, internal to notification-service (no record in contracts). */
    public static final String DELIVERY_STATUS = "delivery-status.schema.json";

    /** The value of {@code rebalancing-reviews} (workload-service's regular review). */
    public static final String REBALANCING_REVIEW = "rebalancing-review.schema.json";

    public static final List<String> ALL = List.of(ENTRY_SUMMARY, REJECTION, ROUTING_DECISION, CENTER_ENTRY,
            IMPORTER_ASSIGNMENT, STATUS_CHANGED, STAFFING_ROSTER, CENTER_COMMAND, DELIVERY, DELIVERY_STATUS, REBALANCING_REVIEW);

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:" + CLASSPATH_FOLDER)));

    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** The schema with this file name (and {@code $id} {@code https://centerline.dev/schemas/<fileName>}). */
    public static Schema schema(String fileName) {
        return CACHE.computeIfAbsent(fileName, name -> {
            Schema schema = REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + name));
            schema.initializeValidators();
            return schema;
        });
    }

    /** A schema found by a location on the classpath ({@code classpath:org/centerline/...}), as an AsyncAPI {@code $ref} names it. */
    public static Schema schemaAt(String classpathLocation) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(classpathLocation));
        schema.initializeValidators();
        return schema;
    }

    /** A schema given as a tree (draft 2020-12 unless it says otherwise), such as one written inline in the AsyncAPI document. */
    public static Schema schemaOf(JsonNode schemaNode) {
        Schema schema = REGISTRY.getSchema(schemaNode);
        schema.initializeValidators();
        return schema;
    }

    /** The text of a published schema, as a tree. */
    public static JsonNode tree(String fileName) {
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema " + CLASSPATH_FOLDER + fileName);
            }
            return CenterlineJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation of the schema by this JSON text; empty when it is valid. */
    public static List<Error> validate(String fileName, String json) {
        return schema(fileName).validate(json, InputFormat.JSON);
    }
}
