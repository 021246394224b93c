package org.centerline.workload.counters;

/**
 * Keys of the published counts, built so that one Center's records (and a time range of them) are one
 * key range of the global stores: zero-padded times sort as numbers.
 * <ul>
 *   <li>{@code workload-service.center-totals}: {@code CENTER/partition}</li>
 *   <li>{@code workload-service.window-counts}: {@code H/CENTER/epochHour(10)/partition} (hourly counts) and
 *       {@code D/CENTER/epochDay(6)/heading/partition} (entries and points per day and deciding heading,
 *       for the what-if; heading {@code -} for entries no table change moves)</li>
 * </ul>
 */
public final class WorkloadKeys {

    /** The heading of entries that no table change moves (account-based, or no lines). */
    public static final String STAYS = "-";

    private WorkloadKeys() {
    }

    public static String totals(String center, int partition) {
        return center + "/" + partition;
    }

    public static String hourPrefix(String center) {
        return "H/" + center + "/";
    }

    public static String hour(String center, long epochHour, int partition) {
        return hourPrefix(center) + pad(epochHour, 10) + "/" + partition;
    }

    public static String hourFrom(String center, long epochHour) {
        return hourPrefix(center) + pad(epochHour, 10);
    }

    public static long hourOf(String key) {
        int start = key.indexOf('/', 2) + 1;
        return Long.parseLong(key.substring(start, start + 10));
    }

    public static String dayPrefix(String center) {
        return "D/" + center + "/";
    }

    public static String day(String center, long epochDay, String heading, int partition) {
        return dayPrefix(center) + pad(epochDay, 6) + "/" + heading + "/" + partition;
    }

    public static String dayFrom(String center, long epochDay) {
        return dayPrefix(center) + pad(epochDay, 6);
    }

    /** {@code [epochDay, heading]} of a day key. */
    public static String[] dayAndHeading(String key) {
        String[] parts = key.split("/");
        return new String[] {parts[2], parts[3]};
    }

    /** The end (exclusive in practice) of a prefix range: '/' + 1 == '0'. */
    public static String endOf(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + "0";
    }

    static String pad(long value, int digits) {
        String s = Long.toString(value);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }
}
