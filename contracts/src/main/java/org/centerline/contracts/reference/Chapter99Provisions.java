package org.centerline.contracts.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.centerline.contracts.event.RoutingFlag;

/**
 * Chapter 99 provisions as ranges of 8-digit numbers ({@code chapter99-provisions.table}): the
 * program flag each raises and the entry dates it is valid on. A number in no range is accepted and
 * raises nothing; a number in a range is valid only on entries dated within the range's dates. A
 * 10-digit number is judged by its first 8 digits.
 */
public final class Chapter99Provisions {

    /** Numbers {@code low}..{@code high} (8 digits, inclusive) of one program, valid within {@code dates}. */
    public record Provision(int low, int high, RoutingFlag flag, EffectiveDates dates, String source) {
        public boolean contains(int number) {
            return number >= low && number <= high;
        }
    }

    private final String version;
    private final Provision[] provisions;

    Chapter99Provisions(String version, List<Provision> provisions) {
        this.version = version;
        List<Provision> sorted = new ArrayList<>(provisions);
        sorted.sort(Comparator.comparingInt(Provision::low));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).low() <= sorted.get(i - 1).high()) {
                throw new IllegalArgumentException("chapter99-provisions: ranges overlap at " + sorted.get(i).low());
            }
        }
        this.provisions = sorted.toArray(Provision[]::new);
    }

    public String version() {
        return version;
    }

    public List<Provision> provisions() {
        return List.of(provisions);
    }

    /** The provision a Chapter 99 number (8 or 10 digits, or a 10-digit chapter 99 HTS number) falls in, or null. */
    public Provision provisionOf(String number) {
        int eight = eightDigits(number);
        if (eight < 0) {
            return null;
        }
        int lo = 0;
        int hi = provisions.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Provision p = provisions[mid];
            if (eight < p.low()) {
                hi = mid - 1;
            } else if (eight > p.high()) {
                lo = mid + 1;
            } else {
                return p;
            }
        }
        return null;
    }

    /** Whether the number may be used on an entry of this date (true for numbers in no range). */
    public boolean inForce(String number, LocalDate date) {
        Provision p = provisionOf(number);
        return p == null || p.dates().covers(date);
    }

    /** The flag the number raises, if it is in a range (whatever the date: the validator has judged the date). */
    public RoutingFlag flagOf(String number) {
        Provision p = provisionOf(number);
        return p == null ? null : p.flag();
    }

    private static int eightDigits(String s) {
        if (s == null || s.length() < 8) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
