package org.centerline.contracts.reference;

import java.time.LocalDate;

/**
 * When a row of reference data is in force: from {@code from} (inclusive, null = always) until
 * {@code until} (exclusive: the first date it no longer applies; null = still in force). Judged
 * against an entry's date (DOMAIN.md "Rules in force, 2025-2026").
 */
public record EffectiveDates(LocalDate from, LocalDate until) {

    public static final EffectiveDates ALWAYS = new EffectiveDates(null, null);

    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
    }

    /** The last day in force (the day before {@code until}), or null when open-ended. */
    public LocalDate lastDay() {
        return until == null ? null : until.minusDays(1);
    }

    /** "from 2025-03-12", "until 2025-08-28", "from 2026-02-24 until 2026-07-24", "always": the days it was valid. */
    public String describe() {
        if (from == null && until == null) {
            return "always";
        }
        if (from == null) {
            return "on entries dated up to " + lastDay();
        }
        if (until == null) {
            return "on entries dated from " + from;
        }
        return "on entries dated from " + from + " to " + lastDay();
    }

    static EffectiveDates parse(String from, String until) {
        return new EffectiveDates(from.isEmpty() ? null : LocalDate.parse(from), until.isEmpty() ? null : LocalDate.parse(until));
    }
}
