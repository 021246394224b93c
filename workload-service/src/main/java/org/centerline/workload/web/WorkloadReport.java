package org.centerline.workload.web;

import java.time.Instant;
import java.util.List;
import org.centerline.workload.WorkloadProperties;

/**
 * Every Center's workload at one moment: the body of {@code GET /api/workload}.
 *
 * @param model the settings behind the numbers, so that the view does not hard-code them
 */
public record WorkloadReport(Instant asOf, String demandWindow, String workloadModelVersion, List<CenterReport> centers,
                             Model model) {

    /**
     * The staffing model's settings and the commodity-lines band.
     *
     * @param demandWindow as {@code 30d} (whole days), {@code 6h} (whole hours), else ISO-8601
     */
    public record Model(double targetUtilization, double band, String demandWindow,
                        WorkloadProperties.CommodityLinesBand commodityLinesBand) {
    }
}
