package org.centerline.contracts.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one JSON mapping of the contract: camelCase, ISO 8601 dates and instants, unknown fields
 * ignored (readers must tolerate newer writers), nulls left out.
 */
public final class CenterlineJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // An absent schemaVersion reads as 0 and the records make it 1 (Jackson 3 fails on null primitives by default).
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private CenterlineJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
