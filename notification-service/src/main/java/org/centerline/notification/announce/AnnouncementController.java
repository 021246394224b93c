package org.centerline.notification.announce;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.NotificationProperties;
import org.centerline.web.Problems;
import org.centerline.security.Caller;
import org.centerline.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Center announcements to the trade (CONTRACT.md): publish one (a director for its own Center, admin for any
 * or all Centers), read the feed as JSON or Atom (any caller: announcements are public, like CSMS messages;
 * audiences say whom they are meant for, not who may read them).
 */
@RestController
@RequestMapping("/api/announcements")
public class AnnouncementController {

    /** The body of a POST. */
    public record AnnouncementRequest(String centerCode, List<String> audiences, String title, String body) {
    }

    private final KafkaTemplate<String, byte[]> kafka;
    private final AnnouncementFeed feed;
    private final NotificationProperties properties;
    private final Clock clock;

    public AnnouncementController(KafkaTemplate<String, byte[]> kafka, AnnouncementFeed feed,
                                  NotificationProperties properties, Clock clock) {
        this.kafka = kafka;
        this.feed = feed;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<NumberedAnnouncement> publish(@RequestBody AnnouncementRequest body, Caller caller)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> problems = new ArrayList<>();
        String center = null;
        if (body == null) {
            problems.add("A JSON body is required.");
        } else {
            if (body.centerCode() != null) {
                center = Centers.find(body.centerCode()).map(c -> c.code()).orElse(null);
                if (center == null) {
                    problems.add("centerCode '" + body.centerCode() + "' is not a Center code (leave it out for all Centers).");
                }
            }
            if (body.title() == null || body.title().isBlank() || body.title().length() > 200) {
                problems.add("title is required, at most 200 characters.");
            }
            if (body.body() == null || body.body().isBlank() || body.body().length() > 20_000) {
                problems.add("body is required, at most 20,000 characters.");
            }
        }
        if (!problems.isEmpty()) {
            var error = Problems.error(HttpStatus.BAD_REQUEST, "invalid-announcement", "Invalid announcement",
                    String.join(" ", problems));
            error.getBody().setProperty("errors", problems);
            throw error;
        }
        Caller.require(caller.has(Role.ADMIN) || caller.worksAt(center, Role.DIRECTOR),
                "A director announces for its own Center only; announcements to all Centers are for admin.");
        Announcement announcement = new Announcement(1, UUID.randomUUID().toString(), center, body.audiences(),
                body.title().strip(), body.body(), clock.instant());
        kafka.send(Topics.CENTER_ANNOUNCEMENTS.name(), announcement.id(),
                CenterlineJson.mapper().writeValueAsBytes(announcement)).get(10, TimeUnit.SECONDS);
        NumberedAnnouncement numbered = feed.await(announcement.id(), properties.stateTimeout()).orElseThrow(() ->
                Problems.error(HttpStatus.GATEWAY_TIMEOUT, "number-pending", "Number not known yet",
                        "The announcement " + announcement.id() + " was published; its number is not known yet. Read the feed."));
        return ResponseEntity.created(URI.create("/api/announcements/" + numbered.id())).body(numbered);
    }

    /** JSON unless the caller asks for Atom. */
    @GetMapping
    public List<NumberedAnnouncement> list(@RequestParam(defaultValue = "50") int limit) {
        return feed.newestFirst(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping(produces = "application/atom+xml")
    public ResponseEntity<String> atom(@RequestParam(defaultValue = "50") int limit) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(AtomFeed.render(feed.newestFirst(Math.max(1, Math.min(limit, 500))), clock.instant()));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public NumberedAnnouncement one(@PathVariable String id) {
        return feed.find(id).orElseThrow(() -> Problems.error(HttpStatus.NOT_FOUND, "not-found", "No such announcement",
                "No announcement " + id + "."));
    }
}
