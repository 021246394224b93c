package org.centerline.routing.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.entry.EntryNumber;
import org.centerline.contracts.entry.Formats;
import org.centerline.contracts.reference.Chapter99Provisions;
import org.centerline.contracts.reference.EntryTypeCalendar;
import org.centerline.contracts.reference.ReferenceData;

/**
 * The one set of filing rules: one definition per rule (field, check, reason code, message), used by
 * both readers of a filing. {@link StreamingFilingReader} (the fast path) calls each rule with
 * {@link #IGNORE} and gives up at the first {@code false}; the tree check in {@link FilingValidator}
 * calls the same rules with a sink that lists every reason. A rule builds its message only when it
 * fails, so the fast path pays for the check alone.
 *
 * <p>Date-dependent rules (entry type and Chapter 99 numbers in force) judge the entry by its
 * {@code entryDate}, or by its {@code summaryDate} when the filing has no entry date (the summary is
 * filed within 10 working days of entry, so it is the closest date the filing carries).
 */
public final class FilingRules {

    /** Where a failing rule reports: field (JSON path), code, message. */
    @FunctionalInterface
    public interface Sink {
        void reject(String field, ReasonCode code, String message);
    }

    /** The fast path's sink: the boolean answer is all it needs. */
    public static final Sink IGNORE = (field, code, message) -> { };

    static final int MAX_LINES = 999;
    /** No line of a real entry comes near this; the bound keeps arithmetic on values cheap. */
    static final BigDecimal MAX_ENTERED_VALUE = new BigDecimal("999999999999.99");

    private final HtsCenterTable table;
    private final EntryTypeCalendar entryTypes;
    private final Chapter99Provisions chapter99;

    public FilingRules(HtsCenterTable table, ReferenceData reference) {
        this.table = table;
        this.entryTypes = reference.entryTypes();
        this.chapter99 = reference.chapter99();
    }

    // ---- the entry ----

    boolean entryNumber(String value, String key, Sink out) {
        boolean ok = true;
        if (!EntryNumber.hasValidFormat(value)) {
            out.reject("entryNumber", ReasonCode.ENTRY_NUMBER_FORMAT,
                    "entryNumber '" + clip(value) + "' must look like XXX-NNNNNNN-C (filer code, 7 digits, check digit).");
            ok = false;
        } else if (EntryNumber.parse(value).isEmpty()) {
            out.reject("entryNumber", ReasonCode.ENTRY_NUMBER_CHECK_DIGIT, "entryNumber '" + value
                    + "' has check digit " + value.charAt(12) + "; it should be "
                    + EntryNumber.checkDigit(value.substring(0, 3), value.substring(4, 11)) + ".");
            ok = false;
        }
        if (key != null && !key.equals(value)) {
            out.reject("entryNumber", ReasonCode.KEY_MISMATCH, "The record key '" + clip(key)
                    + "' is not the entryNumber '" + clip(value) + "'; publish with the entry number as key.");
            ok = false;
        }
        return ok;
    }

    /** @param entryNumber the filing's entry number (null when absent) */
    boolean filerCode(String value, String entryNumber, Sink out) {
        if (!isFilerCode(value)) {
            out.reject("filerCode", ReasonCode.FILER_CODE_FORMAT, "filerCode '" + clip(value) + "' must be 3 letters or digits.");
            return false;
        }
        if (entryNumber != null && EntryNumber.hasValidFormat(entryNumber) && !entryNumber.startsWith(value)) {
            out.reject("filerCode", ReasonCode.FILER_CODE_MISMATCH, "filerCode '" + value
                    + "' is not the filer code of entry number " + entryNumber + ".");
            return false;
        }
        return true;
    }

    boolean entryType(String value, Sink out) {
        if (!entryTypes.isKnown(value)) {
            out.reject("entryType", ReasonCode.ENTRY_TYPE_UNKNOWN, "entryType '" + clip(value)
                    + "' is not a known CBP entry type (01, 02, 03, ... 86).");
            return false;
        }
        return true;
    }

    boolean importerNumber(String value, Sink out) {
        if (!Formats.isImporterNumber(value)) {
            out.reject("importerNumber", ReasonCode.IMPORTER_NUMBER_FORMAT, "importerNumber '" + clip(value)
                    + "' must be an EIN with suffix (NN-NNNNNNNXX), an SSN (NNN-NN-NNNN) or a CBP-assigned number (NNNNNN-NNNNN).");
            return false;
        }
        return true;
    }

    boolean port(String value, Sink out) {
        if (!Formats.isPort(value)) {
            out.reject("portOfEntry", ReasonCode.PORT_FORMAT, "portOfEntry '" + clip(value) + "' must be a 4-digit Schedule D port code.");
            return false;
        }
        return true;
    }

    boolean modeOfTransport(String value, Sink out) {
        if (!Formats.isModeOfTransport(value)) {
            out.reject("modeOfTransport", ReasonCode.MODE_OF_TRANSPORT_FORMAT, "modeOfTransport '" + clip(value)
                    + "' must be a 2-digit CBP mode of transport code.");
            return false;
        }
        return true;
    }

    /** The date, or null (reported) when it is not an ISO 8601 date. */
    LocalDate date(String field, String value, Sink out) {
        try {
            return isoDate(value);
        } catch (DateTimeException e) {
            out.reject(field, ReasonCode.DATE_FORMAT, field + " '" + clip(value) + "' is not an ISO 8601 date (YYYY-MM-DD).");
            return null;
        }
    }

    boolean summaryNotBeforeEntry(LocalDate entryDate, LocalDate summaryDate, Sink out) {
        if (entryDate != null && summaryDate != null && summaryDate.isBefore(entryDate)) {
            out.reject("summaryDate", ReasonCode.SUMMARY_BEFORE_ENTRY,
                    "summaryDate " + summaryDate + " is before entryDate " + entryDate + ".");
            return false;
        }
        return true;
    }

    boolean lineCount(int count, Sink out) {
        if (count < 1 || count > MAX_LINES) {
            out.reject("lines", ReasonCode.LINE_COUNT, "An entry summary has 1 to " + MAX_LINES + " lines, not " + count + ".");
            return false;
        }
        return true;
    }

    // ---- a line (i = its index in the filing) ----

    static boolean isLineNumber(int n) {
        return n >= 1 && n <= MAX_LINES;
    }

    boolean htsNumber(int i, String value, Sink out) {
        if (!Formats.isHtsNumber(value)) {
            out.reject(line(i, "htsNumber"), ReasonCode.HTS_FORMAT, "htsNumber '" + clip(value) + "' must be 10 digits.");
            return false;
        }
        if (!table.isKnown(Integer.parseInt(value, 0, 4, 10))) {
            out.reject(line(i, "htsNumber"), ReasonCode.HTS_CHAPTER_UNKNOWN, "htsNumber " + value + " is in chapter "
                    + value.substring(0, 2) + ", which is not an HTSUS chapter.");
            return false;
        }
        return true;
    }

    boolean country(int i, String value, Sink out) {
        if (!Formats.isCountry(value)) {
            out.reject(line(i, "countryOfOrigin"), ReasonCode.COUNTRY_FORMAT, "countryOfOrigin '" + clip(value)
                    + "' must be an ISO 3166 alpha-2 code such as CN.");
            return false;
        }
        return true;
    }

    /** The value to two decimals, or null (reported) when it is negative, too large or too precise. */
    BigDecimal enteredValue(int i, BigDecimal value, Sink out) {
        boolean ok = true;
        if (value.signum() < 0) {
            // toString(), not toPlainString(): "1E+999999999" must not become a billion characters.
            out.reject(line(i, "enteredValue"), ReasonCode.ENTERED_VALUE_NEGATIVE, "enteredValue " + clip(value.toString()) + " is negative.");
            ok = false;
        } else if (value.compareTo(MAX_ENTERED_VALUE) > 0) {
            out.reject(line(i, "enteredValue"), ReasonCode.ENTERED_VALUE_RANGE, "enteredValue " + clip(value.toString()) + " is over "
                    + MAX_ENTERED_VALUE.toPlainString() + " U.S. dollars.");
            ok = false;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            out.reject(line(i, "enteredValue"), ReasonCode.ENTERED_VALUE_PRECISION, "enteredValue " + clip(value.toString())
                    + " has more than two decimals.");
            ok = false;
        }
        return ok ? value.setScale(2, RoundingMode.UNNECESSARY) : null;
    }

    /**
     * @param value the number, or null when the item is not a JSON string
     * @param shown the item as the filing wrote it (used in the message)
     */
    boolean chapter99Format(int i, int j, String value, String shown, Sink out) {
        if (value == null || !Formats.isChapter99Number(value)) {
            out.reject(line(i, "chapter99Numbers") + "[" + j + "]", ReasonCode.CHAPTER99_FORMAT, "Chapter 99 number "
                    + clip(shown) + " must be 8 or 10 digits starting with 99, as a string.");
            return false;
        }
        return true;
    }

    boolean adcvdCase(int i, String value, Sink out) {
        if (!Formats.isAdcvdCase(value)) {
            out.reject(line(i, "adcvdCaseNumber"), ReasonCode.ADCVD_CASE_FORMAT, "adcvdCaseNumber '" + clip(value)
                    + "' must be a case number as CBP Form 7501 writes it (A-570-910-000, A570-910-000) or as ACE carries it"
                    + " (A570910000), C for countervailing.");
            return false;
        }
        return true;
    }

    // ---- rules of the entry's date ----

    /** The date the entry is judged by: its entry date, else its summary date (null when neither is usable). */
    static LocalDate judgedOn(LocalDate entryDate, LocalDate summaryDate) {
        return entryDate != null ? entryDate : summaryDate;
    }

    /**
     * The entry type is valid on the entry's date, for the origins of its lines.
     *
     * @param origins the country of origin of each line by its index (null where unreadable)
     * @param byEntryDate whether {@code date} is the entry date (else the summary date)
     */
    boolean entryTypeInForce(String type, LocalDate date, boolean byEntryDate, List<String> origins, Sink out) {
        EntryTypeCalendar.Row row = entryTypes.row(type);
        if (!row.dates().covers(date)) {
            out.reject("entryType", ReasonCode.ENTRY_TYPE_NOT_IN_FORCE, "entryType " + type + " was valid "
                    + row.dates().describe() + "; this entry is dated " + dated(date, byEntryDate) + ".");
            return false;
        }
        if (!row.originsEndingEarlier().isEmpty() && !row.datesForThoseOrigins().covers(date)) {
            for (int i = 0; i < origins.size(); i++) {
                String origin = origins.get(i);
                if (origin != null && row.originsEndingEarlier().contains(origin)) {
                    out.reject("entryType", ReasonCode.ENTRY_TYPE_NOT_IN_FORCE, "entryType " + type + " was valid for goods of "
                            + String.join(" or ", new java.util.TreeSet<>(row.originsEndingEarlier())) + " origin "
                            + row.datesForThoseOrigins().describe() + "; lines[" + i + "] is of " + origin
                            + " origin and this entry is dated " + dated(date, byEntryDate) + ".");
                    return false;
                }
            }
        }
        return true;
    }

    /** A Chapter 99 number of a line is valid on the entry's date (numbers in no provision always are). */
    boolean chapter99InForce(int i, int j, String number, LocalDate date, boolean byEntryDate, Sink out) {
        Chapter99Provisions.Provision p = chapter99.provisionOf(number);
        if (p != null && !p.dates().covers(date)) {
            out.reject(line(i, "chapter99Numbers") + "[" + j + "]", ReasonCode.CHAPTER99_NOT_IN_FORCE, notInForce(number, p,
                    date, byEntryDate));
            return false;
        }
        return true;
    }

    /** A line reported under its Chapter 99 number as HTS number: the same dates apply. */
    boolean chapter99LineInForce(int i, String hts, LocalDate date, boolean byEntryDate, Sink out) {
        if (hts.charAt(0) != '9' || hts.charAt(1) != '9') {
            return true;
        }
        Chapter99Provisions.Provision p = chapter99.provisionOf(hts);
        if (p != null && !p.dates().covers(date)) {
            out.reject(line(i, "htsNumber"), ReasonCode.CHAPTER99_NOT_IN_FORCE, notInForce(hts, p, date, byEntryDate));
            return false;
        }
        return true;
    }

    private static String notInForce(String number, Chapter99Provisions.Provision p, LocalDate date, boolean byEntryDate) {
        return "Chapter 99 number " + number + " (" + p.flag() + ") was valid " + p.dates().describe()
                + "; this entry is dated " + dated(date, byEntryDate) + ".";
    }

    private static String dated(LocalDate date, boolean byEntryDate) {
        return date + (byEntryDate ? " (entryDate)" : " (summaryDate; the filing has no entryDate)");
    }

    // ---- helpers ----

    /** A filer code: 3 upper-case letters or digits. */
    static boolean isFilerCode(String s) {
        if (s.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** {@code LocalDate.parse}, without its general formatter for the usual YYYY-MM-DD (it was an eighth of validation). */
    static LocalDate isoDate(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String line(int i, String field) {
        return "lines[" + i + "]." + field;
    }

    /** Keeps messages short when a field holds a huge or hostile string. */
    static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
