package org.centerline.contracts.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows keyed by HTS prefixes (2 to 10 digits) or ranges of equal-length prefixes ({@code 02-24}),
 * each valid within its dates: the shared matcher of the UFLPA and partner-agency tables. Indexed by
 * chapter, so a line is checked only against the rows of its chapter.
 */
final class HtsPrefixTable<T> {

    record Entry<T>(String low, String high, EffectiveDates dates, T value) {
        boolean matches(String hts) {
            if (hts.length() < low.length()) {
                return false;
            }
            String head = hts.substring(0, low.length());
            return head.compareTo(low) >= 0 && head.compareTo(high) <= 0;
        }
    }

    private final List<List<Entry<T>>> byChapter = new ArrayList<>(100);

    HtsPrefixTable(List<Entry<T>> entries) {
        for (int i = 0; i < 100; i++) {
            byChapter.add(new ArrayList<>());
        }
        for (Entry<T> e : entries) {
            int first = Integer.parseInt(e.low().substring(0, 2));
            int last = Integer.parseInt(e.high().substring(0, 2));
            for (int c = first; c <= last; c++) {
                byChapter.get(c).add(e);
            }
        }
    }

    /** Parses {@code 52}, {@code 854142}, or {@code 02-24} into an entry. */
    static <T> Entry<T> entry(String prefixes, EffectiveDates dates, T value) {
        int dash = prefixes.indexOf('-');
        String low = dash < 0 ? prefixes : prefixes.substring(0, dash);
        String high = dash < 0 ? prefixes : prefixes.substring(dash + 1);
        if (low.length() != high.length() || low.length() < 2 || !low.chars().allMatch(Character::isDigit)
                || !high.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("HTS prefix '" + prefixes + "' must be digits, or two of equal length joined by '-'");
        }
        return new Entry<>(low, high, dates, value);
    }

    /** Values of the rows that match this 10-digit HTS number and are in force on the date, in table order. */
    void matching(String hts, LocalDate date, List<T> into) {
        int chapter = (hts.charAt(0) - '0') * 10 + (hts.charAt(1) - '0');
        for (Entry<T> e : byChapter.get(chapter)) {
            if (e.matches(hts) && e.dates().covers(date)) {
                into.add(e.value());
            }
        }
    }
}
