package org.centerline.workload.web;

import java.time.Instant;
import java.util.List;

/** Every Center's workload at one moment: the body of {@code GET /api/workload}. */
public record WorkloadReport(Instant asOf, String demandWindow, String workloadModelVersion, List<CenterReport> centers) {
}
