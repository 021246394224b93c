package org.centerline.notification.it;

import org.centerline.web.PublishedDocuments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.centerline.notification.it.NotificationTestSupport.entryNumber;
import static org.centerline.notification.it.NotificationTestSupport.expectedSignature;
import static org.centerline.notification.it.NotificationTestSupport.uniqueFiler;
import static org.centerline.notification.it.NotificationTestSupport.uniqueImporter;

import java.io.ByteArrayInputStream;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.Rejection;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.it.NotificationTestSupport.Api;
import org.centerline.notification.it.NotificationTestSupport.Response;
import org.centerline.notification.it.WebhookReceiver.Request;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * notification-service on a real embedded broker with real webhook receivers (JDK HttpServer): signed
 * deliveries, targeting by filer, importer and Center, CSMS-style numbering, retries, dead letters and
 * redelivery, isolation from slow receivers, the live stream, and subscription validation, each called
 * as the party it concerns would call it (filer, importer, director, agency; ops to watch deliveries).
 * Every test uses its own filer codes and importers (the broker is shared) and deletes its subscriptions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE,
        // The receivers listen on loopback, which a webhook may only name when allowed explicitly.
        "centerline.notification.allowed-hosts=127.0.0.1",
        "centerline.notification.retry.initial-delay-ms=100",
        "centerline.notification.retry.multiplier=2",
        "centerline.notification.retry.max-delay-ms=800",
        "centerline.notification.retry.jitter-ms=20",
        "server.shutdown=immediate"})
@ExtendWith({OutputCaptureExtension.class, PublishedDocuments.class})
class NotificationIT extends RunningServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    // 1 -------------------------------------------------------------------------------------------------------

    @Test
    void aRejectionReachesItsFilersWebhookWithAVerifiableSignatureAndNoOtherFiler() {
        String filer = uniqueFiler();
        String other = uniqueFiler();
        WebhookReceiver mine = receiver();
        WebhookReceiver theirs = receiver();
        String secret = "whsec-" + UUID.randomUUID();
        subscribe(TestTokens.filer(filer), mine, secret, Map.of("eventTypes", List.of("entry.rejected"), "filerCodes", List.of(filer)));
        subscribe(TestTokens.filer(other), theirs, "another-secret-0123456789", Map.of("eventTypes", List.of("entry.rejected")));

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

        JsonNode status = awaitDelivery(TestTokens.filer(filer), deliveryId, "DELIVERED");
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
        subscribe(TestTokens.filer(filer), filerHook, "filer-secret-0123456789", Map.of("eventTypes", List.of("entry.status")));
        subscribe(TestTokens.importer(importer), importerHook, "importer-secret-0123456789",
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
        subscribe(TestTokens.filer(filer), hook, "trace-secret-0123456789", Map.of("eventTypes", List.of("entry.status")));
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
        subscribe(TestTokens.director("ELE"), ele, "ele-subscriber-secret-01", Map.of("eventTypes", List.of("announcement")));
        subscribe(TestTokens.specialist("MAC", "mac-spec-1"), mac, "mac-subscriber-secret-01",
                Map.of("eventTypes", List.of("announcement"), "centerCodes", List.of("mac")));

        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonNode toEle = announce(TestTokens.director("ELE"), "ELE", "ELE: HTS chapter 85 guidance " + tag);
        JsonNode toMac = announce(TestTokens.director("MAC"), "MAC", "MAC: machinery documentation " + tag);
        JsonNode toAll = announce(TestTokens.admin(), null, "All Centers: ACE maintenance window " + tag);
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

        // JSON feed: newest first, with numbers; announcements are public, so any caller reads them all.
        Response json = api.as(TestTokens.agency("FDA")).get("/api/announcements?limit=500");
        assertThat(json.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json.json().forEach(a -> ids.add(a.get("id").asString()));
        assertThat(ids.indexOf(id(toAll))).isNotNegative().isLessThan(ids.indexOf(id(toMac)));
        assertThat(ids.indexOf(id(toMac))).isLessThan(ids.indexOf(id(toEle)));
        json.json().forEach(a -> assertThat(a.get("number").asString()).matches("\\d{2}-\\d{6}"));
        assertThat(json.json().get(ids.indexOf(id(toEle))).get("number").asString()).isEqualTo(toEle.get("number").asString());

        // Atom feed.
        Response atom = api.as(TestTokens.importer(uniqueImporter())).get("/api/announcements", "application/atom+xml");
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
                        Response r = api.as(TestTokens.director("AUT")).post("/api/announcements", Map.of("centerCode", "AUT", "audiences", List.of("it-" + tag),
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

            JsonNode feed = api.as(TestTokens.filer(uniqueFiler())).get("/api/announcements?limit=500").json();
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
    void aReceiverAnswering503TwiceThen2xxGetsTheDeliveryThreeTimesWithTheSameId(CapturedOutput output) {
        String filer = uniqueFiler();
        WebhookReceiver hook = receiver().failNext(2);
        String secret = "retry-secret-0123456789";
        subscribe(TestTokens.filer(filer), hook, secret, Map.of("eventTypes", List.of("entry.rejected")));
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
        JsonNode status = awaitDelivery(TestTokens.ops(), deliveryId, "DELIVERED");
        assertThat(status.get("attempts").asInt()).isEqualTo(3);
        assertThat(hook.requests()).hasSize(3);
        assertThat(output.getAll()).as("the log").doesNotContain(secret);
    }

    // 6 -------------------------------------------------------------------------------------------------------

    @Test
    void aReceiverDownPastTheLastAttemptLeavesTheDeliveryDeadAndRedeliveryWorksOnceItIsBack(CapturedOutput output) {
        String filer = uniqueFiler();
        Api asFiler = api.as(TestTokens.filer(filer));
        Api asOtherFiler = api.as(TestTokens.filer(uniqueFiler()));
        WebhookReceiver hook = receiver();
        String secret = "dead-letter-secret-0123";
        String subscriptionId = subscribe(TestTokens.filer(filer), hook, secret, Map.of("eventTypes", List.of("entry.rejected")));
        hook.stop();
        String entry = entryNumber(filer);
        kafka.reject(entry, entry, filer);

        JsonNode dead = await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode d : asFiler.get("/api/dead-letters").json()) {
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
        assertThat(asFiler.get("/api/deliveries/" + deliveryId).json().get("state").asString()).isEqualTo("DEAD");
        assertThat(hook.requests()).isEmpty();
        // Another filer neither sees it nor can bring it back: to them it does not exist.
        assertThat(asOtherFiler.get("/api/dead-letters").json().findValuesAsString("deliveryId")).doesNotContain(deliveryId);
        assertThat(asOtherFiler.get("/api/deliveries/" + deliveryId).status()).isEqualTo(404);
        assertThat(asOtherFiler.post("/api/dead-letters/" + deliveryId + "/redeliver", "").status()).isEqualTo(404);
        assertThat(api.get("/api/dead-letters").status()).isEqualTo(401);

        hook.restart();
        Response redeliver = asFiler.post("/api/dead-letters/" + deliveryId + "/redeliver", "");
        assertThat(redeliver.status()).as(redeliver.body()).isEqualTo(202);

        Request got = awaitRequests(hook, 1).get(0);
        assertThat(got.deliveryId()).isEqualTo(deliveryId);
        assertThat(got.json().at("/data/entryNumber").asString()).isEqualTo(entry);
        assertThat(got.header("Centerline-Signature")).isEqualTo(expectedSignature(secret, got.header("Centerline-Timestamp"), got.body()));
        awaitDelivery(TestTokens.filer(filer), deliveryId, "DELIVERED");
        assertThat(asFiler.get("/api/dead-letters").json().findValuesAsString("deliveryId")).doesNotContain(deliveryId);
        assertThat(asFiler.post("/api/dead-letters/" + deliveryId + "/redeliver", "").status()).isEqualTo(404);
        // Five failed attempts and a dead letter were logged, with the delivery; never the secret that signed it.
        assertThat(output.getAll()).as("the log").contains(deliveryId).doesNotContain(secret);
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
        String token = TestTokens.filer(filer);
        Map<String, Object> filters = Map.of("eventTypes", List.of("entry.rejected"), "filerCodes", List.of(filer));
        String slowId = subscribe(token, slow, "slow-receiver-secret-01", filters);
        // Deliveries are keyed by subscription id, and one partition is worked by one consumer in order: two
        // subscriptions whose ids hash to the same partition share a queue, and a slow one then holds up the other
        // by design. Isolation is promised between partitions, so make sure the two land on different ones.
        String fastId = subscribe(token, fast, "fast-receiver-secret-01", filters);
        for (int i = 0; i < 20 && partition(fastId) == partition(slowId); i++) {
            assertThat(api.as(token).delete("/api/subscriptions/" + fastId).status()).isEqualTo(204);
            subscriptions.remove(fastId);
            fastId = subscribe(token, fast, "fast-receiver-secret-01", filters);
        }
        assertThat(partition(fastId)).isNotEqualTo(partition(slowId));

        String entry = entryNumber(filer);
        kafka.reject(entry, entry, filer);
        Request slowGot = awaitRequests(slow, 1).get(0);
        Request fastGot = awaitRequests(fast, 1).get(0);
        long fastAfterSlowMillis = Duration.ofNanos(fastGot.arrivedNanos() - slowGot.arrivedNanos()).toMillis();
        assertThat(fastAfterSlowMillis).as("fast receiver's arrival after the slow one's (ms)").isLessThan(1_000);
        awaitDelivery(token, fastGot.deliveryId(), "DELIVERED");
        awaitDelivery(token, slowGot.deliveryId(), "DELIVERED");
    }

    // 8 -------------------------------------------------------------------------------------------------------

    @Test
    void theLiveStreamReceivesAnAnnouncementAsItHappens() throws Exception {
        try (EventStream stream = EventStream.open(api.base(), "eventTypes=announcement", TestTokens.agency("USDA"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            // The stream opens with a comment; once it is here the stream is registered and will see what follows.
            assertThat(stream.next(l -> l.startsWith(":"), Duration.ofSeconds(10))).isNotNull();
            String title = "Live " + UUID.randomUUID();
            JsonNode posted = announce(TestTokens.director("ELE"), "ELE", title);
            String data = stream.next(l -> l.startsWith("data:") && l.contains(title), Duration.ofSeconds(15));
            assertThat(data).as("an SSE data line with the announcement").isNotNull();
            JsonNode event = CenterlineJson.mapper().readTree(data.substring("data:".length()).strip());
            assertThat(event.get("eventType").asString()).isEqualTo("announcement");
            assertThat(event.at("/data/id").asString()).isEqualTo(id(posted));
            assertThat(event.at("/data/number").asString()).isEqualTo(posted.get("number").asString());
        }
    }

    // 10 ------------------------------------------------------------------------------------------------------

    @Test
    void invalidSubscriptionsAreRefusedWithEveryReasonAndSecretsAreNeverShown(CapturedOutput output) {
        String filer = uniqueFiler();
        Api api = this.api.as(TestTokens.filer(filer));
        Response bad = api.post("/api/subscriptions", Map.of("subscriber", "Mallory",
                "eventTypes", List.of("entry.rejected", "entry.exploded"), "filerCodes", List.of(filer),
                "webhook", Map.of("url", "http://169.254.169.254/latest/meta-data", "secret", "short")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        List<String> errors = bad.json().get("errors").valueStream().map(JsonNode::asString).toList();
        assertThat(errors).hasSize(3)
                .anySatisfy(e -> assertThat(e).contains("entry.exploded"))
                .anySatisfy(e -> assertThat(e).contains("169.254.169.254").contains("public addresses"))
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
        Response created = api.post("/api/subscriptions", Map.of("subscriber", "Honest Filer", "filerCodes", List.of(filer),
                "webhook", Map.of("url", hook.url(), "secret", secret)));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        subscriptions.add(id);
        assertThat(created.body()).doesNotContain(secret);
        // The secret the service issued (Standard Webhooks) is in this answer, and never again.
        String issued = created.json().at("/webhook/secret").asString();
        assertThat(issued).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(issued.substring("whsec_".length()))).hasSize(32);
        assertThat(created.json().get("webhook").has("signingSecrets")).isFalse();
        assertThat(created.json().get("webhook").has("legacySecret")).isFalse();

        Response read = api.get("/api/subscriptions/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(secret);
        assertThat(read.json().at("/webhook/url").asString()).isEqualTo(hook.url());
        assertThat(read.json().get("webhook").has("secret")).isFalse();
        assertThat(read.body()).doesNotContain(issued.substring("whsec_".length()));
        assertThat(read.json().get("webhook").has("signingSecrets")).isFalse();

        assertThat(api.delete("/api/subscriptions/" + id).status()).isEqualTo(204);
        Response gone = api.get("/api/subscriptions/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(api.delete("/api/subscriptions/" + id).status()).isEqualTo(404);
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(issued.substring("whsec_".length()));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Subscribes as the caller the token names; the filters it leaves out of its own party's are filled in. */
    private String subscribe(String token, WebhookReceiver hook, String secret, Map<String, Object> filters) {
        Map<String, Object> body = new LinkedHashMap<>(filters);
        body.put("subscriber", "it-" + UUID.randomUUID());
        body.put("webhook", Map.of("url", hook.url(), "secret", secret));
        String id = api.as(token).subscribe(body).get("id").asString();
        subscriptions.add(id);
        return id;
    }

    private JsonNode announce(String token, String centerCode, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (centerCode != null) {
            body.put("centerCode", centerCode);
        }
        body.put("title", title);
        body.put("body", "Details of: " + title);
        Response r = api.as(token).post("/api/announcements", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode awaitDelivery(String token, String deliveryId, String state) {
        return await().atMost(WAIT).until(() -> {
            Response r = api.as(token).get("/api/deliveries/" + deliveryId);
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
}
