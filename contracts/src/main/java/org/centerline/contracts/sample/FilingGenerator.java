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
import org.centerline.contracts.reference.ReferenceData;

/**
 * Realistic entry summaries, as broker systems file them, for the local-stack simulator, tests and
 * benchmarks: all ten Centers, what a filer files on the generator's date (DOMAIN.md "Rules in force,
 * 2025-2026"): entry types 01/03/11 (86 only on dates it was valid: the former low-value volume now
 * arrives as type 11), the Chapter 99 numbers of the programs in force on the entry date on the lines
 * that carry them (Section 301 on goods of China, Section 232 on steel, aluminum, copper, autos, trucks,
 * lumber, furniture and semiconductors, Section 122 or IEEPA while they were collected), AD/CVD cases as
 * CBP Form 7501 and ACE write them, a few re-filings and a settable share of invalid filings. UFLPA-sector
 * and PGA-flagged goods come in the shares the Centers' headings give them (about a third of base-metal
 * and a fifth of textile lines are UFLPA sectors; nearly every agriculture line is FDA-flagged). The same
 * seed gives the same filings.
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
    /** 86 is kept for dates it was valid on; from 29 Aug 2025 it becomes 11 (DOMAIN.md). */
    private static final String[] ENTRY_TYPES = {"01", "01", "01", "01", "01", "01", "03", "11", "86", "86"};
    private static final String[] MODES = {"10", "11", "20", "21", "30", "40", "41"};
    private static final String[] SECTION_301 = {"99038801", "99038802", "99038803", "99038804", "99038815", "99039101",
            "99039102", "99039103"};
    private static final String[] STEEL_232 = {"99038001", "99038187", "99038188", "99038189", "99038190", "99038191",
            "99038192", "99038193"};
    private static final String[] ALUMINUM_232 = {"99038501", "99038502", "99038503", "99038507", "99038509"};
    private static final String[] COPPER_232 = {"99037801", "99037802"};
    private static final String[] AUTOS_232 = {"99039401", "99039403", "99039405", "99039407", "99039431", "99039440",
            "99039455"};
    private static final String[] TRUCKS_232 = {"99037401", "99037405", "99037411"};
    private static final String[] TIMBER_232 = {"99037601", "99037602", "99037603", "99037604"};
    private static final String[] FURNITURE_232 = {"99037620", "99037621", "99037622"};
    private static final String[] SEMICONDUCTORS_232 = {"99037901", "99037902"};
    private static final String[] SECTION_122 = {"99030301", "99030301", "99030302", "99030305", "99030311"};
    private static final String[] IEEPA = {"99030101", "99030110", "99030120", "99030125", "99030201", "99030250"};
    private static final ReferenceData REFERENCE = ReferenceData.standard();

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
        LocalDate entryDate = today.minusDays(random.nextInt(10));
        boolean lowValue = entryType.equals("86");
        int lineCount = lowValue ? 1 + random.nextInt(2) : 1 + Math.min(random.nextInt(6), random.nextInt(12));
        List<EntryLine> lines = new ArrayList<>(lineCount);
        for (int i = 1; i <= lineCount; i++) {
            // Mostly the entry's own sector; now and then a line from another Center.
            String lineCenter = !mixed || random.nextInt(10) < 8 ? centerCode : pickCenter();
            lines.add(line(i, lineCenter, entryType, entryDate));
        }
        if (lowValue && !type86Valid(entryDate, lines)) {
            entryType = "11"; // since 29 Aug 2025 (2 May 2025 for goods of CN/HK) low-value goods are entered as type 11
        }
        return new EntrySummary(1, entryNumber, entryNumber.substring(0, 3), entryType, importer(),
                PORTS[random.nextInt(PORTS.length)], entryDate, entryDate.plusDays(random.nextInt(10)),
                MODES[random.nextInt(MODES.length)], lines);
    }

    private static boolean type86Valid(LocalDate date, List<EntryLine> lines) {
        for (EntryLine line : lines) {
            if (!REFERENCE.entryTypes().inForceFor("86", date, line.countryOfOrigin())) {
                return false;
            }
        }
        return true;
    }

    private EntryLine line(int number, String centerCode, String entryType, LocalDate date) {
        int[] headings = headingsByCenter.get(centerCode);
        int heading = headings[random.nextInt(headings.length)];
        String hts = String.format("%04d%06d", heading, random.nextInt(1_000_000));
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        List<String> ch99 = new ArrayList<>();
        if (country.equals("CN") && random.nextInt(3) == 0) {
            add(ch99, SECTION_301, date);
        }
        String[] section232 = section232(heading);
        if (section232 != null && random.nextInt(3) == 0) {
            add(ch99, section232, date);
        }
        // Section 122 (24 Feb - 24 Jul 2026) and IEEPA (to 23 Feb 2026) applied to most goods while collected.
        if (random.nextInt(4) == 0) {
            add(ch99, SECTION_122, date);
            add(ch99, IEEPA, date);
        }
        String adcvd = entryType.equals("03") ? adcvdCase() : null;
        double value = entryType.equals("86") ? 20 + random.nextInt(780)
                : Math.round((500 + random.nextDouble() * 250_000) * 100) / 100.0;
        return new EntryLine(number, hts, country, java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP),
                ch99, adcvd);
    }

    /** The Section 232 numbers a heading's goods carry, or null. */
    private static String[] section232(int heading) {
        int chapter = heading / 100;
        if (chapter == 72 || chapter == 73) {
            return STEEL_232;
        }
        if (chapter == 76) {
            return ALUMINUM_232;
        }
        if (chapter == 74) {
            return COPPER_232;
        }
        if (heading == 8703 || heading == 8706 || heading == 8707 || heading == 8708) {
            return AUTOS_232;
        }
        if (heading == 8701 || heading == 8702 || heading == 8704) {
            return TRUCKS_232;
        }
        if (chapter == 44) {
            return TIMBER_232;
        }
        if (heading == 9401 || heading == 9403) {
            return FURNITURE_232;
        }
        if (heading == 8541 || heading == 8542) {
            return SEMICONDUCTORS_232;
        }
        return null;
    }

    /** One of the numbers, if it may be used on an entry of this date (a random draw either way, so the seed decides alike). */
    private void add(List<String> into, String[] numbers, LocalDate date) {
        String number = numbers[random.nextInt(numbers.length)];
        if (REFERENCE.chapter99().provisionOf(number) != null && REFERENCE.chapter99().inForce(number, date)
                && !into.contains(number)) {
            into.add(number);
        }
    }

    /** An AD/CVD case number as CBP Form 7501 writes it or as ACE carries it. */
    private String adcvdCase() {
        String kind = random.nextBoolean() ? "A" : "C";
        String digits = "570" + String.format("%03d", random.nextInt(1000)) + String.format("%03d", random.nextInt(3) == 0 ? 0 : random.nextInt(1000));
        return switch (random.nextInt(3)) {
            case 0 -> kind + "-" + digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
            case 1 -> kind + digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
            default -> kind + digits;
        };
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
