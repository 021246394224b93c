package org.centerline.workload.review;

import java.time.Instant;
import org.centerline.contracts.event.RebalancingReview;

/**
 * What the scheduler remembers (in its changelogged store, in the same transaction as the review it publishes).
 *
 * @param watchingSince the start of the first period the scheduler saw begin or run: it is not reviewed before it ends
 * @param last the last review published; null before the first
 */
public record ReviewState(Instant watchingSince, RebalancingReview last) {
}
