package org.centerline.center.web;

import org.centerline.center.CenterProperties;
import org.centerline.contracts.center.Centers;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Resolves a Center code from a path (either case) to one this instance serves, or answers 404. */
@Component
public class ServedCenters {

    private final CenterProperties properties;

    public ServedCenters(CenterProperties properties) {
        this.properties = properties;
    }

    public String resolve(String code) {
        String center = Centers.find(code).map(c -> c.code()).orElseThrow(() -> Problems.error(HttpStatus.NOT_FOUND,
                "unknown-center", "Unknown Center", "'" + code + "' is not a Center code."));
        if (!properties.servedCenters().contains(center)) {
            throw Problems.error(HttpStatus.NOT_FOUND, "center-not-served", "Center not served here",
                    "This center-service instance does not serve " + center + ".");
        }
        return center;
    }
}
