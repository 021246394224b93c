package org.centerline.contracts.sample;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.event.EntryLine;
import org.centerline.contracts.event.EntrySummary;
import org.centerline.contracts.json.CenterlineJson;

/**
 * Realistic entry summaries, as broker systems file them, for the local-stack simulator, tests and
 * benchmarks: all ten Centers, entry types 01/03/11/86, Chapter 99 add-ons, AD/CVD cases, a few
 * re-filings and a settable share of invalid filings. The same seed gives the same filings.
 */
public final class FilingGenerator {

    /** One generated record: its Kafka key, its JSON, and whether it is meant to be valid. */
    public record Filing(String key, byte[] json, boolean valid) {
        public String text() {
            return new String(json, StandardCharsets.UTF_8);
        }
    }

    private static final String[] FILERS = {"ABC", "B12", "CXS", "DHL", "EXP", "FDX", "GLB", "HWY", "KNG", "M7Z",
            "NPX", "UPS", "Z9A", "TRD", "CUS"};
    private static final String[] PORTS = {"2704", "2809", "1001", "5301", "3901", "4601", "2304", "1303", "5201", "3002"};
    private static final String[] COUNTRIES = {"CN", "CN", "CN", "MX", "CA", "DE", "JP", "VN", "KR", "IN", "TW", "IT",
            "BR", "TH", "FR"};
    private static final String[] ENTRY_TYPES = {"01", "01", "01", "01", "01", "01", "03", "11", "86", "86"};
    private static final String[] MODES = {"10", "11", "20", "21", "30", "40", "41"};
    private static final String[] SECTION_301 = {"99038801", "99038802", "99038803", "99038804", "99038815"};
    private static final String[] SECTION_232 = {"99038001", "99038501"};

    private final SplittableRandom random;
    private final double invalidShare;
    private final double refileShare;
    private final Map<String, int[]> headingsByCenter = new LinkedHashMap<>();
    private final List<String> recentValid = new ArrayList<>();
    private final LocalDate today;
    private long serial;

    public FilingGenerator(long seed, double invalidShare) {
        this(seed, invalidShare, 0.01, LocalDate.of(2026, 11, 20));
    }

    public FilingGenerator(long seed, double invalidShare, double refileShare, LocalDate today) {
        this.random = new SplittableRandom(seed);
        this.invalidShare = invalidShare;
        this.refileShare = refileShare;
        this.today = today;
        this.serial = 1_000_000 + random.nextInt(8_000_000);
        HtsCenterTable table = HtsCenterTable.standard();
        for (Center center : Centers.all()) {
            List<Integer> headings = new ArrayList<>();
            for (int h = 100; h < 9_800; h++) {
                if (center.equals(table.centerOfHeading(h)) && realHeading(h)) {
                    headings.add(h);
                }
            }
            headingsByCenter.put(center.code(), headings.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Headings xx01-xx40 exist in most chapters; enough realism for routing without a full HTSUS list. */
    private static boolean realHeading(int h) {
        int within = h % 100;
        return within >= 1 && within <= 40;
    }

    /** The next filing: usually valid and new, sometimes a re-filing, sometimes invalid. */
    public Filing next() {
        if (!recentValid.isEmpty() && random.nextDouble() < refileShare) {
            String entryNumber = recentValid.get(random.nextInt(recentValid.size()));
            return toFiling(summary(entryNumber, pickCenter(), true), true);
        }
        EntrySummary summary = summary(nextEntryNumber(), pickCenter(), true);
        if (random.nextDouble() < invalidShare) {
            return invalid(summary);
        }
        remember(summary.entryNumber());
        return toFiling(summary, true);
    }

    /** A valid new filing whose lines all point at the given Center (its own HTS sector). */
    public Filing validFor(String centerCode) {
        EntrySummary summary = summary(nextEntryNumber(), Centers.get(centerCode).code(), false);
        return toFiling(summary, true);
    }

    /** A valid new entry summary whose lines all point at the given Center. */
    public EntrySummary summaryFor(String centerCode) {
        return summary(nextEntryNumber(), Centers.get(centerCode).code(), false);
    }

    private void remember(String entryNumber) {
        if (recentValid.size() < 1_000) {
            recentValid.add(entryNumber);
        } else {
            recentValid.set(random.nextInt(recentValid.size()), entryNumber);
        }
    }

    private String pickCenter() {
        List<String> codes = new ArrayList<>(headingsByCenter.keySet());
        return codes.get(random.nextInt(codes.size()));
    }

    private String nextEntryNumber() {
        String filer = FILERS[random.nextInt(FILERS.length)];
        serial = serial >= 9_999_999 ? 1_000_000 : serial + 1;
        return EntryNumber.of(filer, String.format("%07d", serial)).toString();
    }

    private EntrySummary summary(String entryNumber, String centerCode, boolean mixed) {
        String entryType = ENTRY_TYPES[random.nextInt(ENTRY_TYPES.length)];
        int lineCount = entryType.equals("86") ? 1 + random.nextInt(2) : 1 + Math.min(random.nextInt(6), random.nextInt(12));
        List<EntryLine> lines = new ArrayList<>(lineCount);
        for (int i = 1; i <= lineCount; i++) {
            // Mostly the entry's own sector; now and then a line from another Center.
            String lineCenter = !mixed || random.nextInt(10) < 8 ? centerCode : pickCenter();
            lines.add(line(i, lineCenter, entryType));
        }
        LocalDate entryDate = today.minusDays(random.nextInt(10));
        return new EntrySummary(1, entryNumber, entryNumber.substring(0, 3), entryType, importer(),
                PORTS[random.nextInt(PORTS.length)], entryDate, entryDate.plusDays(random.nextInt(10)),
                MODES[random.nextInt(MODES.length)], lines);
    }

    private EntryLine line(int number, String centerCode, String entryType) {
        int[] headings = headingsByCenter.get(centerCode);
        int heading = headings[random.nextInt(headings.length)];
        String hts = String.format("%04d%06d", heading, random.nextInt(1_000_000));
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        List<String> ch99 = new ArrayList<>();
        if (country.equals("CN") && random.nextInt(3) == 0) {
            ch99.add(SECTION_301[random.nextInt(SECTION_301.length)]);
        }
        if (centerCode.equals("BME") && random.nextInt(3) == 0) {
            ch99.add(SECTION_232[random.nextInt(SECTION_232.length)]);
        }
        String adcvd = entryType.equals("03") ? (random.nextBoolean() ? "A-570-" : "C-570-")
                + String.format("%03d", random.nextInt(1000)) : null;
        double value = entryType.equals("86") ? 20 + random.nextInt(780)
                : Math.round((500 + random.nextDouble() * 250_000) * 100) / 100.0;
        return new EntryLine(number, hts, country, java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP),
                ch99, adcvd);
    }

    private String importer() {
        int n = random.nextInt(2_000);
        return String.format("%02d-%07d%s", 10 + n % 89, 1_000_000 + n * 37, n % 3 == 0 ? "00" : "A" + (n % 10));
    }

    private Filing toFiling(EntrySummary summary, boolean valid) {
        return new Filing(summary.entryNumber(), CenterlineJson.mapper().writeValueAsBytes(summary), valid);
    }

    private Filing invalid(EntrySummary summary) {
        String json = CenterlineJson.mapper().writeValueAsString(summary);
        String broken = switch (random.nextInt(7)) {
            case 0 -> json.substring(0, json.length() / 2);                                      // truncated JSON
            case 1 -> json.replace(summary.entryNumber(), summary.entryNumber().substring(0, 12)
                    + ((summary.entryNumber().charAt(12) - '0' + 1) % 10));                      // wrong check digit
            case 2 -> json.replaceFirst("\"htsNumber\":\"(\\d{6})\\d{4}\"", "\"htsNumber\":\"$1\""); // 6-digit HTS
            case 3 -> json.replaceFirst("\"enteredValue\":", "\"enteredValue\":-");              // negative value
            case 4 -> json.replaceFirst("\"countryOfOrigin\":\"[A-Z]{2}\"", "\"countryOfOrigin\":\"China\"");
            case 5 -> json.replaceFirst("\"portOfEntry\":\"\\d{4}\",", "");                     // missing port
            default -> json.replaceFirst("\"entryType\":\"\\d{2}\"", "\"entryType\":\"99\"");  // unknown type
        };
        return new Filing(summary.entryNumber(), broken.getBytes(StandardCharsets.UTF_8), false);
    }
}
