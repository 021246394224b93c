package org.centerline.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topic;
import org.centerline.contracts.topic.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code asyncapi.yaml}: every topic of the registry is a channel, every reference resolves, the schemas accept the samples. */
class AsyncApiTest {

    private static final String FOLDER = "org/centerline/contracts/";
    private static final String DOCUMENT = FOLDER + "asyncapi.yaml";
    private static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";
    /** Topics whose messages are not yet records: their payload is a permissive placeholder. */
    private static final Set<String> NOT_YET_DEFINED = Set.of("center-announcements", "notification-subscriptions",
            "notifications.dead-letter");
    /** Topics internal to one service, by the service: only it writes and reads them. */
    private static final Map<String, String> INTERNAL = internalTopics();

    private static Map<String, String> internalTopics() {
        Map<String, String> internal = new HashMap<>();
        internal.put(Topics.CENTER_COMMANDS.name(), "center-service");
        internal.put(Topics.WORKLOAD_CENTER_TOTALS.name(), "workload-service");
        internal.put(Topics.WORKLOAD_WINDOW_COUNTS.name(), "workload-service");
        for (String topic : notificationServiceTopics()) {
            internal.put(topic, "notification-service");
        }
        return Map.copyOf(internal);
    }

    /** The delivery topics of notification-service: {@code notifications}, its retry topics and the delivery states. */
    private static List<String> notificationServiceTopics() {
        List<String> topics = new ArrayList<>(List.of(Topics.NOTIFICATIONS.name(), Topics.NOTIFICATIONS_DELIVERY_STATUS.name(),
                Topics.NOTIFICATIONS_DEAD_LETTER_INDEX.name()));
        topics.addAll(retryTopics());
        return topics;
    }

    private static List<String> retryTopics() {
        return IntStream.range(0, Topics.NOTIFICATION_RETRY_TOPICS).mapToObj(i -> Topics.NOTIFICATIONS.name() + "-retry-" + i)
                .toList();
    }

    private static JsonNode doc;

    @BeforeAll
    static void readDocument() {
        try (InputStream in = resource(DOCUMENT)) {
            doc = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void isAsyncApi300WithTheLocalKafkaServer() {
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(doc.at("/info/title").asString()).isNotBlank();
        assertThat(doc.at("/info/version").asString()).isNotBlank();
        assertThat(doc.at("/servers/local/host").asString()).isEqualTo("localhost:9092");
        assertThat(doc.at("/servers/local/protocol").asString()).isEqualTo("kafka");
    }

    @Test
    void theChannelsAreExactlyTheTopicsOfTheRegistry() {
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(channel -> addresses.add(channel.path("address").asString()));
        List<String> topics = Topics.all().stream().map(Topic::name).toList();

        assertThat(addresses).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(topics);
        assertThat(addresses).hasSize(30)
                .contains("centers.ele.entry-summaries", "centers.phc.entry-summaries", "notifications",
                        "notifications.delivery-status", "notifications-retry-0", "notifications-retry-3")
                .doesNotContain("entry-summaries.unknown", "centers.xyz.entry-summaries");
    }

    static Stream<Topic> topics() {
        return Topics.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void channelBindingsMirrorTheRegistry(Topic topic) {
        JsonNode kafka = channel(topic.name()).at("/bindings/kafka");

        assertThat(kafka.path("topic").asString()).isEqualTo(topic.name());
        assertThat(kafka.path("partitions").asInt()).isEqualTo(topic.partitions());
        List<String> cleanup = new ArrayList<>();
        kafka.at("/topicConfiguration/cleanup.policy").forEach(p -> cleanup.add(p.asString()));
        assertThat(cleanup.contains("compact")).as("compacted").isEqualTo(topic.compacted());
        // Every config the topic is created with is documented, and no other (cleanup.policy is a list in the binding).
        Map<String, String> documented = new TreeMap<>();
        kafka.path("topicConfiguration").forEachEntry((name, value) -> {
            List<String> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(v -> values.add(v.asString()));
            } else {
                values.add(value.asString());
            }
            documented.put(name, String.join(",", values));
        });
        assertThat(documented).isEqualTo(new TreeMap<>(topic.configs()));
    }

    @Test
    void theAnnouncementsChannelSaysTheyAreKeptForever() {
        JsonNode channel = channel(Topics.CENTER_ANNOUNCEMENTS.name());
        assertThat(channel.at("/bindings/kafka/topicConfiguration/retention.ms").asLong()).isEqualTo(-1L);
        assertThat(channel.path("description").asString()).contains("kept forever");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyMessageHasAJsonSchemaPayloadAndAStringKey(Topic topic) {
        JsonNode messages = channel(topic.name()).path("messages");
        assertThat(messages.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode ref : messages) {
            JsonNode message = resolveInternal(ref);
            assertThat(message.at("/payload/schemaFormat").asString()).isEqualTo(SCHEMA_FORMAT);
            assertThat(message.at("/payload/schema").isObject()).isTrue();
            assertThat(message.at("/bindings/kafka/key/type").asString()).isEqualTo("string");
            assertThat(message.at("/bindings/kafka/key/description").asString()).isNotBlank();
            assertThat(message.path("contentType").asString()).isEqualTo("application/json");
        }
    }

    @Test
    void brokerSystemsSendFilingsServicesTheirInternalTopicsAndSubscribersReceiveTheRest() {
        Map<String, List<String>> actionsByAddress = new HashMap<>();
        doc.get("operations").forEachEntry((id, operation) -> {
            String channelRef = operation.at("/channel/$ref").asString();
            assertThat(channelRef).as(id).startsWith("#/channels/");
            JsonNode channel = resolveInternal(channelRef);
            assertThat(channel.isMissingNode()).as("channel of %s", id).isFalse();
            for (JsonNode message : operation.path("messages")) {
                assertThat(message.path("$ref").asString()).as("message of %s is one of its channel's", id)
                        .startsWith(channelRef + "/messages/");
            }
            actionsByAddress.computeIfAbsent(channel.path("address").asString(), a -> new ArrayList<>())
                    .add(operation.path("action").asString());
        });

        assertThat(actionsByAddress.keySet()).containsExactlyInAnyOrderElementsOf(
                Topics.all().stream().map(Topic::name).toList());
        actionsByAddress.forEach((address, actions) -> {
            if (INTERNAL.containsKey(address)) {
                // Internal: the one service both writes the topic (center-service's HTTP API, notification-service's
                // fan-out and retries) and reads it (the stream that applies commands, the deliverer).
                assertThat(actions).as(address).containsExactlyInAnyOrder("send", "receive");
            } else {
                assertThat(actions).as(address).containsExactly(address.equals(Topics.FILED.name()) ? "send" : "receive");
            }
        });
    }

    @Test
    void theInternalChannelsAreMarkedInternalToTheirServiceAndNoOther() {
        assertThat(INTERNAL).hasSize(10).containsEntry("center-service.commands", "center-service")
                .containsEntry("notifications", "notification-service")
                .containsEntry("notifications.delivery-status", "notification-service")
                .containsEntry("notifications-retry-3", "notification-service");
        for (Topic topic : Topics.all()) {
            JsonNode channel = channel(topic.name());
            String service = INTERNAL.get(topic.name());
            if (service == null) {
                assertThat(channel.path("tags").isMissingNode()).as(topic.name()).isTrue();
                assertThat(channel.path("description").asString()).as(topic.name()).doesNotContain("Internal to");
                continue;
            }
            assertThat(channel.path("description").asString()).as(topic.name()).startsWith("Internal to " + service);
            List<String> tags = new ArrayList<>();
            channel.path("tags").forEach(tag -> {
                tags.add(tag.path("name").asString());
                assertThat(tag.path("description").asString()).as(topic.name()).contains("(" + service + ")");
            });
            assertThat(tags).as(topic.name()).containsExactly("internal");
        }
    }

    @Test
    void theNotificationsAndRetryChannelsCarryTheSameDeliveryKeyedBySubscription() {
        List<String> deliveryTopics = new ArrayList<>(List.of(Topics.NOTIFICATIONS.name()));
        deliveryTopics.addAll(retryTopics());
        assertThat(deliveryTopics).hasSize(5);
        for (String topic : deliveryTopics) {
            JsonNode ref = channel(topic).path("messages").iterator().next();
            assertThat(ref.path("$ref").asString()).as(topic).isEqualTo("#/components/messages/Delivery");
            JsonNode message = resolveInternal(ref);
            assertThat(message.at("/payload/schema/$ref").asString()).isEqualTo("./schemas/" + ContractSchemas.DELIVERY);
            assertThat(message.at("/bindings/kafka/key/description").asString()).contains("subscription id");
            assertThat(channel(topic).path("description").asString()).as(topic).contains("Record key: the subscription id");
        }
        for (String retry : retryTopics()) {
            assertThat(channel(retry).at("/bindings/kafka/partitions").asInt()).as(retry)
                    .isEqualTo(channel(Topics.NOTIFICATIONS.name()).at("/bindings/kafka/partitions").asInt());
        }
    }

    @Test
    void theDeliveryStatusChannelIsCompactedAndKeyedByDeliveryId() {
        JsonNode channel = channel(Topics.NOTIFICATIONS_DELIVERY_STATUS.name());
        JsonNode message = resolveInternal(channel.path("messages").iterator().next());

        assertThat(message.at("/payload/schema/$ref").asString()).isEqualTo("./schemas/" + ContractSchemas.DELIVERY_STATUS);
        assertThat(message.at("/bindings/kafka/key/description").asString()).contains("delivery id");
        assertThat(channel.path("description").asString()).contains("Compacted", "Record key: the delivery id");
    }

    @Test
    void theWebhookBodyIsTheDeliveryOfTheNotificationsTopic() {
        JsonNode webhook = doc.at("/components/messages/WebhookDelivery");
        JsonNode delivery = resolveInternal(channel(Topics.NOTIFICATIONS.name()).path("messages").iterator().next());

        assertThat(webhook.isMissingNode()).isFalse();
        assertThat(webhook.at("/payload/schema")).isEqualTo(delivery.at("/payload/schema"));
        assertThat(webhook.at("/payload/schemaFormat").asString()).isEqualTo(SCHEMA_FORMAT);
        assertThat(webhook.path("contentType").asString()).isEqualTo("application/json");
        assertThat(webhook.path("description").asString()).contains("Webhook deliveries", "Centerline-Delivery");
        assertThat(webhook.path("bindings").has("kafka")).as("not a Kafka message").isFalse();
        // No channel carries it: it travels over HTTP.
        doc.get("channels").forEach(channel -> channel.path("messages").forEach(ref ->
                assertThat(ref.path("$ref").asString()).isNotEqualTo("#/components/messages/WebhookDelivery")));
        assertThat(ContractSchemas.tree(ContractSchemas.DELIVERY).path("description").asString())
                .contains("Webhook deliveries");
    }

    @Test
    void theStaffingAndCommandsChannelsAreKeyedByCenterCode() {
        for (Topic topic : List.of(Topics.CENTER_STAFFING, Topics.CENTER_COMMANDS)) {
            JsonNode message = resolveInternal(channel(topic.name()).path("messages").iterator().next());
            assertThat(message.at("/bindings/kafka/key/description").asString()).as(topic.name()).contains("Center code");
            assertThat(message.at("/payload/schema/$ref").asString()).as(topic.name()).startsWith("./schemas/");
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> checked = new ArrayList<>();
        checkRefs(doc, URI.create("classpath:/" + DOCUMENT), doc, checked, new ArrayList<>());
        // The document's own references and those inside every schema file it reaches.
        assertThat(checked).anyMatch(r -> r.startsWith("./schemas/"))
                .anyMatch(r -> r.startsWith("#/components/messages/"))
                .contains("entry-summary.schema.json", "routing-decision.schema.json", "#/$defs/line");
        assertThat(checked.stream().filter(r -> r.startsWith("./schemas/")).map(r -> r.substring(10)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ContractSchemas.ALL);
    }

    @Test
    void aReferenceToAMissingSchemaWouldBeCaught() {
        JsonNode broken = new YAMLMapper().readTree("a:\n  $ref: './schemas/nope.schema.json'\n");
        List<String> errors = new ArrayList<>();
        checkRefs(broken, URI.create("classpath:/" + DOCUMENT), broken, new ArrayList<>(), errors);
        assertThat(errors).containsExactly("./schemas/nope.schema.json");
    }

    static Stream<String> sampleTopics() {
        return Samples.topicFolders().stream();
    }

    @Test
    void theFiledRoutedRejectedStatusStaffingCommandsAndDeliveryChannelsHaveSamples() {
        assertThat(Samples.topicFolders()).contains(Topics.FILED.name(), Topics.ROUTED.name(), Topics.REJECTED.name(),
                Topics.STATUS.name(), Topics.CENTER_STAFFING.name(), Topics.CENTER_COMMANDS.name(),
                Topics.NOTIFICATIONS.name(), Topics.NOTIFICATIONS_DELIVERY_STATUS.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleTopics")
    void theChannelsSchemaAcceptsItsSamples(String topic) {
        Schema schema = payloadSchema(topic);
        List<Path> samples = Samples.jsonFiles(topic.equals(Topics.FILED.name()) ? topic + "/valid" : topic);
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            assertThat(schema.validate(Samples.read(sample), InputFormat.JSON)).as(sample.toString()).isEmpty();
        }
    }

    @Test
    void theFiledChannelsSchemaRefusesTheInvalidFilings() {
        Schema schema = payloadSchema(Topics.FILED.name());
        List<Path> invalid = Samples.jsonFiles(Topics.FILED.name() + "/invalid");
        assertThat(invalid).isNotEmpty();
        for (Path sample : invalid) {
            assertThat(schema.validate(Samples.read(sample), InputFormat.JSON)).as(sample.toString()).isNotEmpty();
        }
    }

    @Test
    void theMessageExamplesAreValid() {
        int examples = 0;
        for (JsonNode message : doc.at("/components/messages")) {
            for (JsonNode example : message.path("examples")) {
                Schema schema = schemaOf(message);
                JsonNode payload = CenterlineJson.mapper().readTree(example.get("payload").toString());
                assertThat(schema.validate(payload)).as(message.path("name").asString()).isEmpty();
                examples++;
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("notYetDefined")
    void topicsWithoutARecordYetHaveAPermissivePlaceholder(String topic) {
        JsonNode channel = channel(topic);
        assertThat(channel.path("description").asString()).contains("later issue");
        Schema schema = payloadSchema(topic);
        for (String any : List.of("{}", "{\"anything\":[1,2,3]}", "\"text\"")) {
            assertThat(schema.validate(any, InputFormat.JSON)).as(any).isEmpty();
        }
    }

    static Stream<String> notYetDefined() {
        return NOT_YET_DEFINED.stream();
    }

    @Test
    void topicsWithARecordDoNotUseThePlaceholder() {
        for (Topic topic : Topics.all()) {
            if (!NOT_YET_DEFINED.contains(topic.name())) {
                assertThat(payloadSchema(topic.name()).validate("{}", InputFormat.JSON)).as(topic.name()).isNotEmpty();
            }
        }
    }

    // --- helpers

    private static JsonNode channel(String address) {
        for (JsonNode channel : doc.get("channels")) {
            if (channel.path("address").asString().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("No channel with address " + address);
    }

    /** The payload schema of the (only) message of the channel with this address. */
    private static Schema payloadSchema(String address) {
        JsonNode messages = channel(address).path("messages");
        assertThat(messages.size()).as("messages of %s", address).isEqualTo(1);
        return schemaOf(resolveInternal(messages.iterator().next()));
    }

    private static Schema schemaOf(JsonNode message) {
        JsonNode schema = message.at("/payload/schema");
        String ref = schema.path("$ref").asString();
        if (ref.startsWith("./")) {
            return ContractSchemas.schemaAt("classpath:" + FOLDER + ref.substring(2));
        }
        JsonNode node = ref.isEmpty() ? schema : resolveInternal(ref);
        return ContractSchemas.schemaOf(CenterlineJson.mapper().readTree(node.toString()));
    }

    private static JsonNode resolveInternal(JsonNode refHolder) {
        return resolveInternal(refHolder.path("$ref").asString());
    }

    private static JsonNode resolveInternal(String ref) {
        assertThat(ref).startsWith("#/");
        JsonNode node = doc.at(ref.substring(1));
        assertThat(node.isMissingNode()).as("%s resolves", ref).isFalse();
        return node;
    }

    /**
     * Follows every {@code $ref} in {@code node}: a fragment is looked up in {@code root}, a relative
     * file is found on the classpath next to {@code base} and its own references followed in turn.
     */
    private static void checkRefs(JsonNode node, URI base, JsonNode root, List<String> checked, List<String> unresolved) {
        if (node.isObject() && node.path("$ref").isString()) {
            String ref = node.get("$ref").asString();
            checked.add(ref);
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String fragment = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode target = root;
            URI targetBase = base;
            if (!file.isEmpty()) {
                targetBase = base.resolve(file);
                String path = targetBase.getPath().substring(1);
                try (InputStream in = AsyncApiTest.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        unresolved.add(ref);
                        return;
                    }
                    target = CenterlineJson.mapper().readTree(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                checkRefs(target, targetBase, target, checked, unresolved);
            }
            if (!fragment.isEmpty() && target.at(fragment).isMissingNode()) {
                unresolved.add(ref);
            }
        }
        node.forEach(child -> checkRefs(child, base, root, checked, unresolved));
        if (node == doc) {
            assertThat(unresolved).as("unresolved references").isEmpty();
        }
    }

    private static InputStream resource(String path) {
        InputStream in = AsyncApiTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
