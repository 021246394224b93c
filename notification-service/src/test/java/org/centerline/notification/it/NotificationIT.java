package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.centerline.notification.it.NotificationTestSupport.entryNumber;
import static org.centerline.notification.it.NotificationTestSupport.expectedSignature;
import static org.centerline.notification.it.NotificationTestSupport.uniqueFiler;
import static org.centerline.notification.it.NotificationTestSupport.uniqueImporter;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.testing.SharedKafka;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.it.NotificationTestSupport.Api;
import org.centerline.notification.it.NotificationTestSupport.Publisher;
import org.centerline.notification.it.NotificationTestSupport.Response;
import org.centerline.notification.it.WebhookReceiver.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * notification-service on a real embedded broker with real webhook receivers (JDK HttpServer): signed
 * deliveries, targeting by filer, importer and Center, CSMS-style numbering, retries, dead letters and
 * redelivery, isolation from slow receivers, the live stream, and subscription validation.
 * Every test uses its own filer codes and importers (the broker is shared) and deletes its subscriptions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "centerline.notification.retry.initial-delay-ms=100",
        "centerline.notification.retry.multiplier=2",
        "centerline.notification.retry.max-delay-ms=800",
        "centerline.notification.retry.jitter-ms=20",
        "server.shutdown=immediate"})
@DirtiesContext // The consumer groups must not keep a member in this JVM once the class is done (see NotificationRestartIT).
class NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @LocalServerPort
    int port;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    static Publisher kafka;
    Api api;
    final List<String> subscriptions = new ArrayList<>();
    final List<WebhookReceiver> receivers = new ArrayList<>();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
    }

    @BeforeAll
    static void producer() {
        kafka = new Publisher();
    }

    @AfterAll
    static void closeProducer() {
        kafka.close();
    }

    @BeforeEach
    void ready() {
        api = new Api(port);
        await().atMost(Duration.ofSeconds(60)).until(api::ready);
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> api.delete("/api/subscriptions/" + id));
        receivers.forEach(WebhookReceiver::close);
    }

    // 1 -------------------------------------------------------------------------------------------------------

    @Test
    void aRejectionReachesItsFilersWebhookWithAVerifiableSignatureAndNoOtherFiler() {
        String filer = uniqueFiler();
        String other = uniqueFiler();
        WebhookReceiver mine = receiver();
        WebhookReceiver theirs = receiver();
        String secret = "whsec-" + UUID.randomUUID();
        subscribe(mine, secret, Map.of("eventTypes", List.of("entry.rejected"), "filerCodes", List.of(filer)));
        subscribe(theirs, "another-secret-0123456789", Map.of("eventTypes", List.of("entry.rejected"), "filerCodes", List.of(other)));

        String entry = entryNumber(filer);
        Rejection rejection = kafka.reject(entry, entry, filer);
        // The other filer's rejection under the same key lands on the same partition and is read after ours; its
        // delivery to the other filer's subscription is queued behind anything ours had produced for it. So once
        // the other filer has their own rejection, they would already have had ours, had it been sent to them.
        String otherEntry = entryNumber(other);
        kafka.reject(entry, otherEntry, other);

        Request got = awaitRequests(mine, 1).get(0);
        awaitRequests(theirs, 1);
        assertThat(theirs.requests()).hasSize(1)
                .allSatisfy(r -> assertThat(r.json().at("/data/filerCode").asString()).isEqualTo(other));

        JsonNode body = got.json();
        assertThat(CenterlineJson.mapper().readValue(got.body(), Map.class).keySet())
                .containsExactlyInAnyOrder("deliveryId", "eventType", "occurredAt", "data");
        assertThat(body.get("eventType").asString()).isEqualTo("entry.rejected");
        assertThat(Instant.parse(body.get("occurredAt").asString())).isEqualTo(rejection.rejectedAt());
        assertThat(body.at("/data/entryNumber").asString()).isEqualTo(entry);
        assertThat(body.at("/data/filerCode").asString()).isEqualTo(filer);
        assertThat(body.at("/data/reasons/0/code").asString()).isEqualTo("HTS_FORMAT");
        assertThat(got.header("Content-Type")).startsWith("application/json");

        String deliveryId = got.header("Centerline-Delivery");
        assertThat(deliveryId).isNotBlank().isEqualTo(body.get("deliveryId").asString());
        String timestamp = got.header("Centerline-Timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), within(60L));
        assertThat(got.header("Centerline-Signature"))
                .isEqualTo(expectedSignature(secret, timestamp, got.body()))
                .isNotEqualTo(expectedSignature("another-secret-0123456789", timestamp, got.body()));

        JsonNode status = awaitDelivery(deliveryId, "DELIVERED");
        assertThat(status.get("attempts").asInt()).isEqualTo(1);
        assertThat(mine.requests()).hasSize(1);
    }

    // 2 -------------------------------------------------------------------------------------------------------

    @Test
    void aCf28ReachesTheFilerAndTheImporterAndAQueuedStatusReachesNobody() {
        String filer = uniqueFiler();
        String importer = uniqueImporter();
        WebhookReceiver filerHook = receiver();
        WebhookReceiver importerHook = receiver();
        subscribe(filerHook, "filer-secret-0123456789", Map.of("eventTypes", List.of("entry.status"), "filerCodes", List.of(filer)));
        subscribe(importerHook, "importer-secret-0123456789",
                Map.of("eventTypes", List.of("entry.status"), "importerNumbers", List.of(importer)));

        String entry = entryNumber(filer);
        // Same key, same partition: QUEUED is read first; a delivery of it would be queued ahead of the CF-28's.
        kafka.status(entry, filer, importer, EntryStatus.QUEUED);
        kafka.status(entry, filer, importer, EntryStatus.CF28_ISSUED);

        for (WebhookReceiver hook : List.of(filerHook, importerHook)) {
            awaitRequests(hook, 1);
            assertThat(hook.requests()).singleElement().satisfies(r -> {
                assertThat(r.json().get("eventType").asString()).isEqualTo("entry.status");
                assertThat(r.json().at("/data/status").asString()).isEqualTo("CF28_ISSUED");
                assertThat(r.json().at("/data/entryNumber").asString()).isEqualTo(entry);
                assertThat(r.json().at("/data/importerNumber").asString()).isEqualTo(importer);
            });
        }
        assertThat(filerHook.requests().get(0).deliveryId()).isNotEqualTo(importerHook.requests().get(0).deliveryId());
    }

    @Test
    void theWebhookCallCarriesTheTraceOfTheStatusEventThatCausedIt() {
        String filer = uniqueFiler();
        WebhookReceiver hook = receiver();
        subscribe(hook, "trace-secret-0123456789", Map.of("eventTypes", List.of("entry.status"), "filerCodes", List.of(filer)));
        String traceId = "5b8efff798038103d269b633813fc60c";
        String entry = entryNumber(filer);
        kafka.publish(org.centerline.contracts.topic.Topics.STATUS.name(), entry, new org.centerline.contracts.event.StatusChanged(
                1, entry, "ELE", filer, uniqueImporter(), EntryStatus.ACCEPTED, "ele-spec-1", null, java.time.Instant.now()),
                "00-" + traceId + "-eee19b7ec3c1b174-01");
        awaitRequests(hook, 1);
        assertThat(hook.requests().get(0).header("traceparent")).startsWith("00-" + traceId + "-");
    }

    // 3 -------------------------------------------------------------------------------------------------------

    @Test
    void anAnnouncementToOneCenterReachesOnlyItsSubscribersAndAnAllCenterOneReachesEveryoneAndTheFeedShowsThem() throws Exception {
        WebhookReceiver ele = receiver();
        WebhookReceiver mac = receiver();
        subscribe(ele, "ele-subscriber-secret-01", Map.of("eventTypes", List.of("announcement"), "centerCodes", List.of("ELE")));
        subscribe(mac, "mac-subscriber-secret-01", Map.of("eventTypes", List.of("announcement"), "centerCodes", List.of("MAC")));

        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonNode toEle = announce("ELE", "ELE: HTS chapter 85 guidance " + tag);
        JsonNode toMac = announce("MAC", "MAC: machinery documentation " + tag);
        JsonNode toAll = announce(null, "All Centers: ACE maintenance window " + tag);
        for (JsonNode a : List.of(toEle, toMac, toAll)) {
            assertThat(a.get("number").asString()).matches("\\d{2}-\\d{6}");
        }

        // The announcements topic has one partition: they are read in order ELE, MAC, all, and each
        // subscription's deliveries stay in that order; once the all-Center one is in, the others would be too.
        await().atMost(WAIT).until(() -> !ele.withData("id", id(toAll)).isEmpty() && !mac.withData("id", id(toAll)).isEmpty());
        assertThat(ele.withData("id", id(toEle))).singleElement()
                .satisfies(r -> assertThat(r.json().at("/data/number").asString()).isEqualTo(toEle.get("number").asString()));
        assertThat(ele.withData("id", id(toMac))).isEmpty();
        assertThat(mac.withData("id", id(toMac))).hasSize(1);
        assertThat(mac.withData("id", id(toEle))).isEmpty();
        assertThat(ele.withData("id", id(toAll))).singleElement()
                .satisfies(r -> assertThat(r.json().get("eventType").asString()).isEqualTo("announcement"));

        // JSON feed: newest first, with numbers.
        Response json = api.get("/api/announcements?limit=500");
        assertThat(json.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.json().forEach(a -> ids.add(a.get("id").asString()));
        assertThat(ids.indexOf(id(toAll))).isNotNegative().isLessThan(ids.indexOf(id(toMac)));
        assertThat(ids.indexOf(id(toMac))).isLessThan(ids.indexOf(id(toEle)));
        json.json().forEach(a -> assertThat(a.get("number").asString()).matches("\\d{2}-\\d{6}"));
        assertThat(json.json().get(ids.indexOf(id(toEle))).get("number").asString()).isEqualTo(toEle.get("number").asString());

        // Atom feed.
        Response atom = api.get("/api/announcements", "application/atom+xml");
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        List<String> titles = new ArrayList<>();
        List<String> entryIds = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            titles.add(entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
            entryIds.add(entry.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
        }
        assertThat(titles).anySatisfy(t -> assertThat(t).contains(toEle.get("title").asString())
                .contains(toEle.get("number").asString()));
        assertThat(entryIds.indexOf("urn:centerline:announcement:" + id(toAll)))
                .isNotNegative().isLessThan(entryIds.indexOf("urn:centerline:announcement:" + id(toEle)));
    }

    // 4 -------------------------------------------------------------------------------------------------------

    @Test
    void numbersAreUniqueAndIncreasingUnderConcurrentPosts() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<JsonNode>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<JsonNode> posted = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        // An audience of its own, so these reach no other test's subscribers.
                        Response r = api.post("/api/announcements", Map.of("centerCode", "AUT", "audiences", List.of("it-" + tag),
                                "title", "Concurrent " + tag + " " + thread + "." + i, "body", "Numbering test."));
                        assertThat(r.status()).as(r.body()).isEqualTo(201);
                        posted.add(r.json());
                    }
                    return posted;
                }));
            }
            go.countDown();
            List<JsonNode> all = new ArrayList<>();
            for (Future<List<JsonNode>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            Map<String, String> numberById = new LinkedHashMap<>();
            all.forEach(a -> numberById.put(id(a), a.get("number").asString()));
            String year = String.format("%02d", Year.now(ZoneOffset.UTC).getValue() % 100);
            assertThat(numberById).hasSize(20);
            assertThat(numberById.values()).doesNotHaveDuplicates().hasSize(20)
                    .allSatisfy(n -> assertThat(n).matches("\\d{2}-\\d{6}").startsWith(year + "-"));

            JsonNode feed = api.get("/api/announcements?limit=500").json();
            List<Integer> everyNumberNewestFirst = new ArrayList<>();
            List<String> oursNewestFirst = new ArrayList<>();
            feed.forEach(a -> {
                everyNumberNewestFirst.add(sequence(a.get("number").asString()));
                if (numberById.containsKey(id(a))) {
                    assertThat(a.get("number").asString()).isEqualTo(numberById.get(id(a)));
                    oursNewestFirst.add(a.get("number").asString());
                }
            });
            assertThat(oursNewestFirst).hasSize(20);
            List<Integer> oursOldestFirst = new ArrayList<>(oursNewestFirst.stream().map(NotificationIT::sequence).toList());
            java.util.Collections.reverse(oursOldestFirst);
            for (int i = 1; i < oursOldestFirst.size(); i++) {
                assertThat(oursOldestFirst.get(i)).isGreaterThan(oursOldestFirst.get(i - 1));
            }
            for (int i = 1; i < everyNumberNewestFirst.size(); i++) {
                assertThat(everyNumberNewestFirst.get(i)).isLessThan(everyNumberNewestFirst.get(i - 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // 5 -------------------------------------------------------------------------------------------------------

    @Test
    void aReceiverAnswering503TwiceThen2xxGetsTheDeliveryThreeTimesWithTheSameId() {
        String filer = uniqueFiler();
        WebhookReceiver hook = receiver().failNext(2);
        String secret = "retry-secret-0123456789";
        subscribe(hook, secret, Map.of("eventTypes", List.of("entry.rejected"), "filerCodes", List.of(filer)));
        String entry = entryNumber(filer);
        kafka.reject(entry, entry, filer);

        List<Request> attempts = awaitRequests(hook, 3);
        String deliveryId = attempts.get(0).deliveryId();
        assertThat(attempts).extracting(Request::deliveryId).containsOnly(deliveryId);
        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.json().get("deliveryId").asString()).isEqualTo(deliveryId);
            assertThat(r.header("Centerline-Signature"))
                    .isEqualTo(expectedSignature(secret, r.header("Centerline-Timestamp"), r.body()));
        });
        JsonNode status = awaitDelivery(deliveryId, "DELIVERED");
        assertThat(status.get("attempts").asInt()).isEqualTo(3);
        assertThat(hook.requests()).hasSize(3);
    }

    // 6 -------------------------------------------------------------------------------------------------------

    @Test
    void aReceiverDownPastTheLastAttemptLeavesTheDeliveryDeadAndRedeliveryWorksOnceItIsBack() {
        String filer = uniqueFiler();
        WebhookReceiver hook = receiver();
        String secret = "dead-letter-secret-0123";
        String subscriptionId = subscribe(hook, secret, Map.of("eventTypes", List.of("entry.rejected"), "filerCodes", List.of(filer)));
        hook.stop();
        String entry = entryNumber(filer);
        kafka.reject(entry, entry, filer);

        JsonNode dead = await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode d : api.get("/api/dead-letters").json()) {
                if (subscriptionId.equals(d.get("subscriptionId").asString())) {
                    return d;
                }
            }
            return null;
        }, d -> d != null);
        String deliveryId = dead.get("deliveryId").asString();
        assertThat(dead.get("state").asString()).isEqualTo("DEAD");
        assertThat(dead.get("attempts").asInt()).isEqualTo(5);
        assertThat(dead.get("lastError").asString()).isNotBlank();
        assertThat(api.get("/api/deliveries/" + deliveryId).json().get("state").asString()).isEqualTo("DEAD");
        assertThat(hook.requests()).isEmpty();

        hook.restart();
        Response redeliver = api.post("/api/dead-letters/" + deliveryId + "/redeliver", "");
        assertThat(redeliver.status()).as(redeliver.body()).isEqualTo(202);

        Request got = awaitRequests(hook, 1).get(0);
        assertThat(got.deliveryId()).isEqualTo(deliveryId);
        assertThat(got.json().at("/data/entryNumber").asString()).isEqualTo(entry);
        assertThat(got.header("Centerline-Signature")).isEqualTo(expectedSignature(secret, got.header("Centerline-Timestamp"), got.body()));
        awaitDelivery(deliveryId, "DELIVERED");
        assertThat(api.get("/api/dead-letters").json().findValuesAsString("deliveryId")).doesNotContain(deliveryId);
        assertThat(api.post("/api/dead-letters/" + deliveryId + "/redeliver", "").status()).isEqualTo(404);
    }

    // 7 -------------------------------------------------------------------------------------------------------

    @Test
    void aSlowReceiverDoesNotDelayAnotherSubscribersDeliveryOfTheSameEvent() {
        // One consumer per partition of the delivery topic, as configured (6 partitions, concurrency 6).
        MessageListenerContainer deliveries = listeners.getListenerContainer("notification-deliveries");
        await().atMost(WAIT).until(() -> {
            Map<String, Collection<TopicPartition>> byClient = deliveries.getAssignmentsByClientId();
            return byClient != null && byClient.size() == Topics.NOTIFICATIONS.partitions()
                    && byClient.values().stream().allMatch(p -> p.size() == 1);
        });

        String filer = uniqueFiler();
        WebhookReceiver slow = receiver().slow(Duration.ofSeconds(3));
        WebhookReceiver fast = receiver();
        Map<String, Object> filters = Map.of("eventTypes", List.of("entry.rejected"), "filerCodes", List.of(filer));
        String slowId = subscribe(slow, "slow-receiver-secret-01", filters);
        // Deliveries are keyed by subscription id, and one partition is worked by one consumer in order: two
        // subscriptions whose ids hash to the same partition share a queue, and a slow one then holds up the other
        // by design. Isolation is promised between partitions, so make sure the two land on different ones.
        String fastId = subscribe(fast, "fast-receiver-secret-01", filters);
        for (int i = 0; i < 20 && partition(fastId) == partition(slowId); i++) {
            assertThat(api.delete("/api/subscriptions/" + fastId).status()).isEqualTo(204);
            subscriptions.remove(fastId);
            fastId = subscribe(fast, "fast-receiver-secret-01", filters);
        }
        assertThat(partition(fastId)).isNotEqualTo(partition(slowId));

        String entry = entryNumber(filer);
        kafka.reject(entry, entry, filer);
        Request slowGot = awaitRequests(slow, 1).get(0);
        Request fastGot = awaitRequests(fast, 1).get(0);
        long fastAfterSlowMillis = Duration.ofNanos(fastGot.arrivedNanos() - slowGot.arrivedNanos()).toMillis();
        assertThat(fastAfterSlowMillis).as("fast receiver's arrival after the slow one's (ms)").isLessThan(1_000);
        awaitDelivery(fastGot.deliveryId(), "DELIVERED");
        awaitDelivery(slowGot.deliveryId(), "DELIVERED");
    }

    // 8 -------------------------------------------------------------------------------------------------------

    @Test
    void theLiveStreamReceivesAnAnnouncementAsItHappens() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/stream?eventTypes=announcement"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException e) {
                // the stream was closed
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            // The stream opens with a comment; once it is here the stream is registered and will see what follows.
            assertThat(nextLineMatching(lines, l -> l.startsWith(":"), Duration.ofSeconds(10))).isNotNull();
            String title = "Live " + UUID.randomUUID();
            JsonNode posted = announce("ELE", title);
            String data = nextLineMatching(lines, l -> l.startsWith("data:") && l.contains(title), Duration.ofSeconds(15));
            assertThat(data).as("an SSE data line with the announcement").isNotNull();
            JsonNode event = CenterlineJson.mapper().readTree(data.substring("data:".length()).strip());
            assertThat(event.get("eventType").asString()).isEqualTo("announcement");
            assertThat(event.at("/data/id").asString()).isEqualTo(id(posted));
            assertThat(event.at("/data/number").asString()).isEqualTo(posted.get("number").asString());
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    // 10 ------------------------------------------------------------------------------------------------------

    @Test
    void invalidSubscriptionsAreRefusedWithEveryReasonAndSecretsAreNeverShown() {
        Response bad = api.post("/api/subscriptions", Map.of("subscriber", "Mallory",
                "eventTypes", List.of("entry.rejected", "entry.exploded"), "filerCodes", List.of(uniqueFiler()),
                "webhook", Map.of("url", "http://attacker.example.com/hook", "secret", "short")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        List<String> errors = bad.json().get("errors").valueStream().map(JsonNode::asString).toList();
        assertThat(errors).hasSize(3)
                .anySatisfy(e -> assertThat(e).contains("entry.exploded"))
                .anySatisfy(e -> assertThat(e).contains("attacker.example.com").contains("allow-list"))
                .anySatisfy(e -> assertThat(e).contains("secret"));

        Response scheme = api.post("/api/subscriptions", Map.of("subscriber", "Mallory", "eventTypes", List.of("nope"),
                "webhook", Map.of("url", "ftp://127.0.0.1/hook", "secret", "0123456789")));
        assertThat(scheme.status()).isEqualTo(400);
        assertThat(scheme.contentType()).startsWith("application/problem+json");
        List<String> schemeErrors = scheme.json().get("errors").valueStream().map(JsonNode::asString).toList();
        assertThat(schemeErrors).hasSize(3)
                .anySatisfy(e -> assertThat(e).contains("http or https"))
                .anySatisfy(e -> assertThat(e).contains("'nope'"))
                .anySatisfy(e -> assertThat(e).contains("secret"));
        assertThat(api.post("/api/subscriptions", Map.of("subscriber", "Mallory",
                "webhook", Map.of("url", "file:///etc/passwd", "secret", "0123456789abcdef"))).status()).isEqualTo(400);

        WebhookReceiver hook = receiver();
        String secret = "never-shown-" + UUID.randomUUID();
        Response created = api.post("/api/subscriptions", Map.of("subscriber", "Honest Filer", "filerCodes", List.of(uniqueFiler()),
                "webhook", Map.of("url", hook.url(), "secret", secret)));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        subscriptions.add(id);
        assertThat(created.body()).doesNotContain(secret);
        assertThat(created.json().get("webhook").has("secret")).isFalse();

        Response read = api.get("/api/subscriptions/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(secret);
        assertThat(read.json().at("/webhook/url").asString()).isEqualTo(hook.url());
        assertThat(read.json().get("webhook").has("secret")).isFalse();

        assertThat(api.delete("/api/subscriptions/" + id).status()).isEqualTo(204);
        Response gone = api.get("/api/subscriptions/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(api.delete("/api/subscriptions/" + id).status()).isEqualTo(404);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private WebhookReceiver receiver() {
        WebhookReceiver r = WebhookReceiver.start();
        receivers.add(r);
        return r;
    }

    private String subscribe(WebhookReceiver hook, String secret, Map<String, Object> filters) {
        Map<String, Object> body = new LinkedHashMap<>(filters);
        body.put("subscriber", "it-" + UUID.randomUUID());
        body.put("webhook", Map.of("url", hook.url(), "secret", secret));
        String id = api.subscribe(body).get("id").asString();
        subscriptions.add(id);
        return id;
    }

    private JsonNode announce(String centerCode, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (centerCode != null) {
            body.put("centerCode", centerCode);
        }
        body.put("title", title);
        body.put("body", "Details of: " + title);
        Response r = api.post("/api/announcements", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode awaitDelivery(String deliveryId, String state) {
        return await().atMost(WAIT).until(() -> {
            Response r = api.get("/api/deliveries/" + deliveryId);
            return r.status() == 200 ? r.json() : null;
        }, s -> s != null && state.equals(s.get("state").asString()));
    }

    private static List<Request> awaitRequests(WebhookReceiver hook, int n) {
        return await().atMost(WAIT).until(hook::requests, l -> l.size() >= n);
    }

    private static String id(JsonNode announcement) {
        return announcement.get("id").asString();
    }

    /** The NNNNNN of YY-NNNNNN. */
    private static int sequence(String number) {
        return Integer.parseInt(number.substring(3));
    }

    /** The partition Kafka's default partitioner gives a record keyed by this subscription id on {@code notifications}. */
    private static int partition(String subscriptionId) {
        return Utils.toPositive(Utils.murmur2(subscriptionId.getBytes(StandardCharsets.UTF_8))) % Topics.NOTIFICATIONS.partitions();
    }

    private static String nextLineMatching(BlockingQueue<String> lines, java.util.function.Predicate<String> test, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && test.test(line)) {
                return line;
            }
        }
        return null;
    }
}
