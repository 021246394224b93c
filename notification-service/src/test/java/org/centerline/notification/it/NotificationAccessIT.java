package org.centerline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.centerline.notification.it.NotificationTestSupport.entryNumber;
import static org.centerline.notification.it.NotificationTestSupport.uniqueFiler;
import static org.centerline.notification.it.NotificationTestSupport.uniqueImporter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centerline.notification.it.NotificationTestSupport.Api;
import org.centerline.notification.it.NotificationTestSupport.Response;
import org.centerline.security.Role;
import org.centerline.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what, endpoint by endpoint, on the real service: anonymous callers get 401, the wrong role 403,
 * the right role for another party 403 (asking) or 404 (someone else's thing looks like no thing), and the
 * right caller succeeds. Webhooks to internal hosts are refused when subscribing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestTokens.PUBLIC_KEY, TestTokens.AUDIENCE,
        "centerline.notification.allowed-hosts=127.0.0.1",
        "server.shutdown=immediate"})
class NotificationAccessIT extends RunningServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** A valid token with no Centerline role in it. */
    private static final String NO_ROLE = TestTokens.of("stranger", List.of(), Map.of());

    @Test
    void anAnonymousCallerGetsNothingButHealth() {
        String id = UUID.randomUUID().toString();
        List<Response> answers = List.of(
                api.post("/api/subscriptions", subscription("ABC", "http://127.0.0.1:9/hook")),
                api.get("/api/subscriptions/" + id), api.delete("/api/subscriptions/" + id),
                api.get("/api/stream"), api.get("/api/deliveries/" + id), api.get("/api/dead-letters"),
                api.post("/api/dead-letters/" + id + "/redeliver", ""),
                api.post("/api/announcements", Map.of("title", "t", "body", "b")),
                api.get("/api/announcements"), api.get("/api/announcements", "application/atom+xml"),
                api.get("/api/announcements/" + id), api.get("/v3/api-docs"),
                api.get("/actuator/prometheus"), api.get("/api/undeclared"));
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });

        Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("details are for ops").isFalse();
        assertThat(as(TestTokens.ops()).get("/actuator/health").json().has("components")).isTrue();
    }

    @Test
    void aTokenWithoutARoleReadsAnnouncementsAndNothingElse() {
        Api nobody = as(NO_ROLE);
        String id = UUID.randomUUID().toString();
        assertThat(List.of(nobody.post("/api/subscriptions", subscription("ABC", "http://127.0.0.1:9/hook")),
                nobody.get("/api/subscriptions/" + id), nobody.delete("/api/subscriptions/" + id), nobody.get("/api/stream"),
                nobody.get("/api/deliveries/" + id), nobody.get("/api/dead-letters"),
                nobody.post("/api/dead-letters/" + id + "/redeliver", ""),
                nobody.post("/api/announcements", Map.of("title", "t", "body", "b")), nobody.get("/actuator/prometheus")))
                .allSatisfy(r -> {
                    assertThat(r.status()).as(r.body()).isEqualTo(403);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                });
        assertThat(nobody.get("/api/announcements").status()).isEqualTo(200);
        assertThat(as(TestTokens.ops()).get("/actuator/prometheus", "text/plain").status()).isEqualTo(200);
    }

    // ---- POST /api/subscriptions ----------------------------------------------------------------------------

    @Test
    void aFilerSubscribesToItsOwnFilerCodeOnlyAndWithoutAFilterGetsItsOwn() {
        String filer = uniqueFiler();
        Api asFiler = as(TestTokens.filer(filer));
        Response other = asFiler.post("/api/subscriptions", subscription(uniqueFiler(), receiver().url()));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("detail").asString()).contains("own filer code");
        assertThat(asFiler.post("/api/subscriptions", subscription(List.of(filer, uniqueFiler()), receiver().url())).status())
                .isEqualTo(403);

        JsonNode created = created(asFiler.post("/api/subscriptions", subscription(null, receiver().url())));
        assertThat(created.get("filerCodes").valueStream().map(JsonNode::asString).toList()).containsExactly(filer);
        assertThat(created.at("/owner/party").asString()).isEqualTo(filer);
        assertThat(created.at("/owner/role").asString()).isEqualTo(Role.FILER.name());
    }

    @Test
    void importersCenterStaffAndAgenciesSubscribeToTheirOwnPartyOnlyAndOpsToAnything() {
        String importer = uniqueImporter();
        Api asImporter = as(TestTokens.importer(importer));
        assertThat(asImporter.post("/api/subscriptions", with(subscription(null, receiver().url()),
                "importerNumbers", List.of(uniqueImporter()))).status()).isEqualTo(403);
        assertThat(created(asImporter.post("/api/subscriptions", subscription(null, receiver().url())))
                .get("importerNumbers").valueStream().map(JsonNode::asString).toList()).containsExactly(importer);

        Api eleSpecialist = as(TestTokens.specialist("ELE", "ele-spec-9"));
        assertThat(eleSpecialist.post("/api/subscriptions", with(subscription(null, receiver().url()),
                "centerCodes", List.of("MAC"))).status()).isEqualTo(403);
        assertThat(created(as(TestTokens.director("ELE")).post("/api/subscriptions", with(subscription(null, receiver().url()),
                "centerCodes", List.of("ele")))).get("centerCodes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ELE");

        Api fda = as(TestTokens.agency("FDA"));
        Response entryEvents = fda.post("/api/subscriptions", with(subscription(null, receiver().url()),
                "eventTypes", List.of("entry.status")));
        assertThat(entryEvents.status()).isEqualTo(403);
        assertThat(entryEvents.json().get("detail").asString()).contains("announcements and to entry.routed");
        Map<String, Object> announcements = with(with(subscription(null, receiver().url()), "eventTypes", List.of()),
                "audiences", List.of("Partner Government Agencies"));
        assertThat(created(fda.post("/api/subscriptions", announcements)).get("eventTypes").valueStream()
                .map(JsonNode::asString).toList()).containsExactly("entry.routed", "announcement");

        JsonNode everything = created(as(TestTokens.ops()).post("/api/subscriptions", subscription(null, receiver().url())));
        assertThat(everything.path("filerCodes").isEmpty()).as("no filer filter").isTrue();
    }

    @Test
    void aWebhookToAnInternalHostIsRefusedWhenSubscribingUnlessTheSettingNamesIt() {
        Api asFiler = as(TestTokens.filer(uniqueFiler()));
        int port = receiver().port();
        for (String url : List.of("http://localhost:" + port + "/hook", "http://[::1]:" + port + "/hook",
                "http://10.0.0.7/hook", "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1/admin",
                "http://2130706433:" + port + "/hook")) {
            Response refused = asFiler.post("/api/subscriptions", subscription(null, url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").valueStream().map(JsonNode::asString).toList())
                    .singleElement().satisfies(e -> assertThat(e).contains("public addresses only"));
        }
        // 127.0.0.1 is on this test's allow-list: the same receiver by that name is taken.
        created(asFiler.post("/api/subscriptions", subscription(null, "http://127.0.0.1:" + port + "/hook")));
    }

    // ---- GET / DELETE /api/subscriptions/{id} ---------------------------------------------------------------

    @Test
    void anotherPartysSubscriptionDoesNotExistForThemWhileItsPartyAndOpsSeeIt() {
        String filer = uniqueFiler();
        String id = created(as(TestTokens.filer(filer)).post("/api/subscriptions", subscription(null, receiver().url())))
                .get("id").asString();
        String path = "/api/subscriptions/" + id;

        Response theirs = as(TestTokens.filer(uniqueFiler())).get(path);
        Response none = as(TestTokens.filer(uniqueFiler())).get("/api/subscriptions/" + UUID.randomUUID());
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().get("title").asString()).isEqualTo(none.json().get("title").asString());
        assertThat(as(TestTokens.importer(uniqueImporter())).get(path).status()).isEqualTo(404);
        assertThat(as(TestTokens.filer(uniqueFiler())).delete(path).status()).isEqualTo(404);

        // A colleague at the same filer (another subject, same filer code) sees it; so do ops and admin.
        Api colleague = as(TestTokens.of("clerk-2-" + filer, List.of(Role.FILER), Map.of("filer_code", filer)));
        assertThat(colleague.get(path).status()).isEqualTo(200);
        assertThat(as(TestTokens.ops()).get(path).status()).isEqualTo(200);
        assertThat(as(TestTokens.admin()).get(path).json().at("/owner/subject").asString()).isEqualTo("filer-" + filer);

        assertThat(colleague.delete(path).status()).isEqualTo(204);
        assertThat(as(TestTokens.admin()).get(path).status()).isEqualTo(404);
    }

    // ---- deliveries -----------------------------------------------------------------------------------------

    @Test
    void aDeliveryIsSeenByItsSubscriptionsPartyOnly() {
        String filer = uniqueFiler();
        WebhookReceiver hook = receiver();
        created(as(TestTokens.filer(filer)).post("/api/subscriptions", subscription(null, hook.url())));
        String entry = entryNumber(filer);
        kafka.reject(entry, entry, filer);
        String deliveryId = await().atMost(WAIT).until(hook::requests, l -> !l.isEmpty()).get(0).deliveryId();
        String path = "/api/deliveries/" + deliveryId;

        await().atMost(WAIT).until(() -> as(TestTokens.filer(filer)).get(path).status() == 200);
        assertThat(as(TestTokens.filer(uniqueFiler())).get(path).status()).isEqualTo(404);
        assertThat(as(TestTokens.director("ELE")).get(path).status()).isEqualTo(404);
        assertThat(as(TestTokens.ops()).get(path).status()).isEqualTo(200);
        // Delivered, not dead: nobody can "redeliver" it; the owner is told it is no dead letter, like anyone else.
        assertThat(as(TestTokens.filer(filer)).post("/api/dead-letters/" + deliveryId + "/redeliver", "").status()).isEqualTo(404);
        assertThat(as(TestTokens.filer(filer)).get("/api/dead-letters").status()).isEqualTo(200);
    }

    // ---- GET /api/stream ------------------------------------------------------------------------------------

    @Test
    void aFilersLiveStreamCarriesItsOwnEntriesOnlyAndCannotAskForAnotherFilers() throws Exception {
        String filer = uniqueFiler();
        String other = uniqueFiler();
        try (EventStream asked = EventStream.open(api.base(), "filerCodes=" + other, TestTokens.filer(filer))) {
            assertThat(asked.status()).isEqualTo(403);
        }
        try (EventStream stream = EventStream.open(api.base(), "eventTypes=entry.rejected", TestTokens.filer(filer))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(l -> l.startsWith(":"), Duration.ofSeconds(10))).isNotNull();
            // Same key, same partition: the other filer's rejection is dispatched first, then ours.
            String key = entryNumber(filer);
            String theirs = entryNumber(other);
            kafka.reject(key, theirs, other);
            String ours = entryNumber(filer);
            kafka.reject(key, ours, filer);
            assertThat(stream.next(l -> l.startsWith("data:") && l.contains(ours), WAIT)).isNotNull();
            assertThat(stream.received(l -> l.contains(theirs))).isEmpty();
        }
    }

    // ---- announcements --------------------------------------------------------------------------------------

    @Test
    void aDirectorAnnouncesForItsOwnCenterOnlyAndAdminForAnyOrAll() {
        Map<String, Object> toEle = Map.of("centerCode", "ELE", "audiences", List.of("it-access"), "title", "ELE notice",
                "body", "For ELE.");
        Map<String, Object> toAll = Map.of("audiences", List.of("it-access"), "title", "All Centers", "body", "For all.");
        for (String wrongRole : List.of(TestTokens.filer(uniqueFiler()), TestTokens.specialist("ELE", "ele-spec-9"),
                TestTokens.ops(), TestTokens.agency("FDA"))) {
            assertThat(as(wrongRole).post("/api/announcements", toEle).status()).isEqualTo(403);
        }
        Response otherCenter = as(TestTokens.director("MAC")).post("/api/announcements", toEle);
        assertThat(otherCenter.status()).isEqualTo(403);
        assertThat(otherCenter.json().get("detail").asString()).contains("own Center");
        assertThat(as(TestTokens.director("ELE")).post("/api/announcements", toAll).status()).isEqualTo(403);

        JsonNode posted = created(as(TestTokens.director("ELE")).post("/api/announcements", toEle));
        created(as(TestTokens.admin()).post("/api/announcements", toAll));
        created(as(TestTokens.admin()).post("/api/announcements", Map.of("centerCode", "MAC", "title", "MAC", "body", "b")));

        // Announcements are public: any caller reads every one, as JSON or Atom, whatever its Center or audience.
        for (String reader : List.of(TestTokens.importer(uniqueImporter()), TestTokens.director("MAC"), TestTokens.agency("EPA"))) {
            assertThat(as(reader).get("/api/announcements/" + posted.get("id").asString()).status()).isEqualTo(200);
            assertThat(as(reader).get("/api/announcements", "application/atom+xml").body()).contains(posted.get("id").asString());
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        Response big = as(TestTokens.director("ELE")).post("/api/announcements",
                Map.of("centerCode", "ELE", "title", "Too long", "body", "x".repeat(70_000)));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.contentType()).startsWith("application/problem+json");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Api as(String token) {
        return api.as(token);
    }

    private static Map<String, Object> subscription(Object filerCodes, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscriber", "access-it-" + UUID.randomUUID());
        body.put("eventTypes", List.of("entry.rejected"));
        if (filerCodes != null) {
            body.put("filerCodes", filerCodes instanceof String code ? List.of(code) : filerCodes);
        }
        body.put("webhook", Map.of("url", url, "secret", "access-it-secret-" + UUID.randomUUID()));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /** The JSON of a 201, remembering a subscription for clean-up. */
    private JsonNode created(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode json = r.json();
        if (json.has("webhook")) {
            subscriptions.add(json.get("id").asString());
        }
        return json;
    }
}
