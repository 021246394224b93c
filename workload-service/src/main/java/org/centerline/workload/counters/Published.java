package org.centerline.workload.counters;

/**
 * What the counting task publishes for every instance's global tables, in the same transaction as the
 * store changes it mirrors: a Center's totals, or one window's counts (a null value is a tombstone).
 */
public sealed interface Published {

    record Totals(CenterTotals value) implements Published {
    }

    record Window(HourBucket value) implements Published {
    }
}
