package org.centerline.workload.whatif;

/** One fault of a proposal: the request field it is in (such as {@code merges[0].from}) and what is wrong. */
public record Fault(String field, String message) {
}
