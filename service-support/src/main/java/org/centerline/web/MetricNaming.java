package org.centerline.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.regex.Pattern;

/**
 * Keeps every meter within Prometheus' naming rules and gives each one help text, so {@code /actuator/prometheus}
 * passes {@code promtool check metrics}:
 * <ul>
 *   <li>camelCase parts of a name become snake_case (Spring Security names its filter-chain observation events
 *       after the filter classes, e.g. {@code OAuth2ProtectedResourceMetadataFilter_before});</li>
 *   <li>a meter registered without a description gets one naming the meter, so the scrape has a {@code # HELP}
 *       line for every family (the libraries that register them give none);</li>
 *   <li>a gauge named {@code ...count} is named for what it counts ({@code kafka.consumer.connection.count} becomes
 *       {@code kafka.consumer.connections}): in Prometheus {@code _count} belongs to histograms and summaries;</li>
 *   <li>meters measured in milliseconds or nanoseconds that cannot be converted to seconds on the way out (Kafka
 *       clients' {@code *-time-ns-*} and {@code start-time-ms}, {@code process.cpu.time} in ns,
 *       {@code jvm.compilation.time} in ms) are not published: Prometheus wants base units and no abbreviations,
 *       and none of them is used by ops/ (dashboards, alerts).</li>
 * </ul>
 * Centerline's own meters carry real descriptions and snake_case names already; this filter leaves those alone.
 */
public final class MetricNaming implements MeterFilter {

    /** A unit that is not a base unit, abbreviated, as a word of a meter name or as its base unit. */
    private static final Pattern ABBREVIATED_UNIT = Pattern.compile("(^|[._-])(ms|ns|us)([._-]|$)");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return ABBREVIATED_UNIT.matcher(id.getName()).find()
                || (id.getBaseUnit() != null && ABBREVIATED_UNIT.matcher(id.getBaseUnit()).matches())
                ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = snakeCase(id.getName());
        if (id.getType() == Meter.Type.GAUGE && name.endsWith(".count")) {
            String counted = name.substring(0, name.length() - ".count".length());
            name = counted.endsWith("s") ? counted : counted + "s";
        }
        Meter.Id mapped = name.equals(id.getName()) ? id : id.withName(name);
        if (mapped.getDescription() == null || mapped.getDescription().isBlank()) {
            mapped = new Meter.Id(mapped.getName(), Tags.of(mapped.getTagsAsIterable()), mapped.getBaseUnit(),
                    describe(mapped), mapped.getType());
        }
        return mapped;
    }

    /** camelCase parts to snake_case: {@code OAuth2ProtectedResourceMetadataFilter_before} becomes {@code o_auth2_protected_resource_metadata_filter_before}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                char before = i > 0 ? name.charAt(i - 1) : '.';
                char after = i + 1 < name.length() ? name.charAt(i + 1) : '.';
                boolean wordStart = Character.isLowerCase(before) || Character.isDigit(before)
                        || (Character.isUpperCase(before) && Character.isLowerCase(after));
                if (wordStart) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String describe(Meter.Id id) {
        return id.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + id.getName()
                + " (registered without a description by the library that measures it)";
    }
}
