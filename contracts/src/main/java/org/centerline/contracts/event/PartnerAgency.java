package org.centerline.contracts.event;

/**
 * A partner government agency with an interest in an entry, as the routing decision names it:
 * the agency ({@code FDA}, {@code APHIS}, ...), its PGA flag code ({@code FD3}) and whether its data
 * is required ({@code R}) or may be required ({@code M}) for at least one line.
 */
public record PartnerAgency(String agency, String flag, boolean required) {
}
