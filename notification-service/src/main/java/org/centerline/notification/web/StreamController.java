package org.centerline.notification.web;

import java.util.List;
import java.util.Locale;
import org.centerline.notification.stream.LiveStream;
import org.centerline.notification.subscription.Subscription;
import org.centerline.notification.subscription.SubscriptionScope;
import org.centerline.security.Caller;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/stream}: server-sent events for a live screen, filtered like a subscription and, like one,
 * narrowed to what the caller may see (a filer's stream without filters is its own filer code's). Every event
 * has an {@code id:}; a reconnect with {@code Last-Event-ID} (any instance) gets the events it missed first.
 */
@RestController
@RequestMapping("/api/stream")
public class StreamController {

    private final LiveStream live;

    public StreamController(LiveStream live) {
        this.live = live;
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@RequestParam(required = false) List<String> eventTypes,
                             @RequestParam(required = false) List<String> filerCodes,
                             @RequestParam(required = false) List<String> importerNumbers,
                             @RequestParam(required = false) List<String> centerCodes,
                             @RequestParam(required = false) List<String> audiences,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             Caller caller) {
        Subscription filter = new Subscription(null, "live", eventTypes, upper(filerCodes), importerNumbers, upper(centerCodes),
                audiences, null, null, null);
        Subscription fitted = SubscriptionScope.fit(filter, caller);
        try {
            return live.open(fitted, lastEventId);
        } catch (IllegalArgumentException e) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "invalid-last-event-id", "Invalid Last-Event-ID", e.getMessage());
        }
    }

    private static List<String> upper(List<String> codes) {
        return codes == null ? null : codes.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
    }
}
