package org.centerline.contracts.reference;

import java.time.LocalDate;
import java.util.List;
import org.centerline.contracts.event.PartnerAgency;

/**
 * Partner government agency flags by HTS prefix ({@code partner-agencies.table}): a representative
 * part of CBP's flag list (the codes and their meanings are CBP's; which HTS numbers carry them is
 * this project's proposal, DOMAIN.md).
 */
public final class PartnerAgencies {

    /** Agencies a routing decision may name. */
    public static final List<String> AGENCIES = List.of("FDA", "APHIS", "AMS", "FSIS", "EPA", "NHTSA", "TTB", "FWS", "NMFS",
            "CPSC", "DEA", "STATE");

    private final String version;
    private final HtsPrefixTable<PartnerAgency> table;

    PartnerAgencies(String version, List<HtsPrefixTable.Entry<PartnerAgency>> entries) {
        for (HtsPrefixTable.Entry<PartnerAgency> e : entries) {
            if (!AGENCIES.contains(e.value().agency())) {
                throw new IllegalArgumentException("partner-agencies: unknown agency " + e.value().agency());
            }
        }
        this.version = version;
        this.table = new HtsPrefixTable<>(entries);
    }

    public String version() {
        return version;
    }

    /** Adds the agency flags of one line (10-digit HTS number) in force on the date. */
    public void flagsOf(String hts, LocalDate entryDate, List<PartnerAgency> into) {
        table.matching(hts, entryDate, into);
    }
}
