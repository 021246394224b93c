package org.centerline.contracts.entry;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The CBP entry types Centerline accepts (DOMAIN.md), by their 2-digit code. */
public enum EntryType {
    CONSUMPTION("01"), QUOTA("02"), ADCVD("03"), APPRAISEMENT("04"), VESSEL_REPAIR("05"), FTZ_CONSUMPTION("06"),
    QUOTA_ADCVD("07"), DUTY_DEFERRAL("08"), INFORMAL("11"), INFORMAL_QUOTA("12"), INFORMAL_MAIL("13"),
    WAREHOUSE("21"), RE_WAREHOUSE("22"), TIB("23"), TRADE_FAIR("24"), PERMANENT_EXHIBITION("25"), FTZ_ADMISSION("26"),
    WAREHOUSE_WITHDRAWAL_CONSUMPTION("31"), WAREHOUSE_WITHDRAWAL_QUOTA("32"), WAREHOUSE_WITHDRAWAL_ADCVD("34"),
    WAREHOUSE_WITHDRAWAL_QUOTA_ADCVD("38"), GOVERNMENT_DIRECT("51"), GOVERNMENT_DUTY_FREE("52"),
    LOW_VALUE("86");

    private static final Map<String, EntryType> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EntryType::code, Function.identity()));

    private final String code;

    EntryType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<EntryType> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** Types whose filings carry antidumping / countervailing duties. */
    public boolean isAdcvd() {
        return this == ADCVD || this == QUOTA_ADCVD || this == WAREHOUSE_WITHDRAWAL_ADCVD
                || this == WAREHOUSE_WITHDRAWAL_QUOTA_ADCVD;
    }
}
