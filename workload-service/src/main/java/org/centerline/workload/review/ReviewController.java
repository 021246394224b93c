package org.centerline.workload.review;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.centerline.contracts.event.RebalancingReview;
import org.centerline.streams.LocalStores;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rebalancing reviews, latest first, from the global table of {@code rebalancing-reviews} that every instance
 * holds: any instance gives the same answer, with no forwarding (it lags the publishing commit by about 100 ms).
 * For directors, ops and admin (see {@code WorkloadAccess}).
 */
@RestController
@RequestMapping("/api/reviews")
public class ReviewController {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 200;

    private final LocalStores stores;

    public ReviewController(LocalStores stores) {
        this.stores = stores;
    }

    /** The latest {@code limit} reviews (default 10, at most 200), newest first. Not paged: a year is 52 weekly reviews. */
    @GetMapping
    public List<RebalancingReview> latest(@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        int n = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<RebalancingReview> out = new ArrayList<>();
        try (KeyValueIterator<String, RebalancingReview> newestFirst = store().reverseAll()) {
            while (newestFirst.hasNext() && out.size() < n) {
                RebalancingReview review = newestFirst.next().value;
                if (review != null) {
                    out.add(review);
                }
            }
        }
        return out;
    }

    @GetMapping("/{id}")
    public RebalancingReview one(@PathVariable String id) {
        RebalancingReview review = store().get(id);
        if (review == null) {
            throw new NoSuchReview(id);
        }
        return review;
    }

    private ReadOnlyKeyValueStore<String, RebalancingReview> store() {
        return stores.keyValue(ReviewTopology.GLOBAL_REVIEWS);
    }

    static class NoSuchReview extends RuntimeException {
        NoSuchReview(String id) {
            super("No rebalancing review " + id + ". Review ids are the start of the reviewed period, e.g. 2026-11-30T00:00:00Z;"
                    + " GET /api/reviews lists them.");
        }
    }

    @ExceptionHandler(NoSuchReview.class)
    ProblemDetail notFound(NoSuchReview e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "no-such-review", "No such review", e.getMessage());
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> notReady(InvalidStateStoreException e) {
        return Problems.notReadyAnswer("stores-not-ready", "Reviews not ready",
                "The reviews are loading; try again in a few seconds.");
    }
}
