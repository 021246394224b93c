package org.centerline.notification.web;

import java.util.List;
import org.centerline.notification.stream.LiveStream;
import org.centerline.notification.subscription.Subscription;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/stream}: server-sent events for a live screen, filtered like a subscription. */
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
                             @RequestParam(required = false) List<String> audiences) {
        List<String> centers = centerCodes == null ? null : centerCodes.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList();
        return live.open(new Subscription(null, "live", eventTypes, filerCodes, importerNumbers, centers, audiences, null, null));
    }
}
