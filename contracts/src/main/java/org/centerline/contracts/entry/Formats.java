package org.centerline.contracts.entry;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The formats of the codes on an entry summary (DOMAIN.md): importer number, port, country of
 * origin, HTS number, Chapter 99 number, AD/CVD case number, mode of transport.
 */
public final class Formats {

    private static final Pattern IMPORTER_EIN = Pattern.compile("\\d{2}-\\d{7}[0-9A-Z]{2}");
    private static final Pattern IMPORTER_SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
    private static final Pattern IMPORTER_CBP = Pattern.compile("\\d{6}-\\d{5}");
    private static final Pattern ADCVD_CASE = Pattern.compile("[AC]-\\d{3}-\\d{3}(-\\d{3})?|[AC]\\d{3}-\\d{3}-\\d{3}|[AC]\\d{9}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Formats() {
    }

    /** EIN plus 2-character suffix {@code NN-NNNNNNNXX}, SSN {@code NNN-NN-NNNN}, or CBP-assigned {@code NNNNNN-NNNNN}. */
    public static boolean isImporterNumber(String s) {
        return s != null && (IMPORTER_EIN.matcher(s).matches() || IMPORTER_SSN.matcher(s).matches()
                || IMPORTER_CBP.matcher(s).matches());
    }

    /** A Schedule D port code: 4 digits. */
    public static boolean isPort(String s) {
        return isDigits(s, 4);
    }

    /** An ISO 3166 alpha-2 country code, upper case. */
    public static boolean isCountry(String s) {
        return s != null && s.length() == 2 && COUNTRIES.contains(s);
    }

    /** A 10-digit HTSUS number. */
    public static boolean isHtsNumber(String s) {
        return isDigits(s, 10);
    }

    /** A Chapter 99 number: 8 or 10 digits starting with 99. */
    public static boolean isChapter99Number(String s) {
        return (isDigits(s, 8) || isDigits(s, 10)) && s.startsWith("99");
    }

    /**
     * An AD/CVD case number: the company-specific number as CBP Form 7501 writes it ({@code A-570-910-000},
     * {@code A570-910-000}) or as ACE carries it ({@code A570910000}), C for countervailing; also the
     * case number without company ({@code A-570-910}).
     */
    public static boolean isAdcvdCase(String s) {
        return s != null && ADCVD_CASE.matcher(s).matches();
    }

    /** A CBP mode of transport: 2 digits. */
    public static boolean isModeOfTransport(String s) {
        return isDigits(s, 2);
    }

    public static boolean isDigits(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
