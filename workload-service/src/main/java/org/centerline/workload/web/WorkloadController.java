package org.centerline.workload.web;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.centerline.contracts.center.Center;
import org.centerline.contracts.center.Centers;
import org.centerline.contracts.center.HtsCenterTable;
import org.centerline.contracts.event.SpecialistRole;
import org.centerline.workload.WorkloadProperties;
import org.centerline.workload.report.WorkloadReports;
import org.centerline.workload.report.WorkloadStores;
import org.centerline.workload.staffing.Recommendations;
import org.centerline.workload.whatif.TableChange;
import org.centerline.workload.whatif.WhatIf;
import org.centerline.workload.whatif.WhatIfResult;
import java.time.Clock;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The numbers behind the rebalance view: workload, staffing recommendations, what-if re-alignment. */
@RestController
@RequestMapping("/api")
public class WorkloadController {

    private final WorkloadReports reports;
    private final WorkloadStores stores;
    private final WorkloadProperties properties;
    private final WhatIf whatIf;
    private final Clock clock;

    public WorkloadController(WorkloadReports reports, WorkloadStores stores, WorkloadProperties properties, Clock clock) {
        this.reports = reports;
        this.stores = stores;
        this.properties = properties;
        this.whatIf = new WhatIf(HtsCenterTable.standard(), reports.model());
        this.clock = clock;
    }

    @GetMapping("/workload")
    public WorkloadReport workload() {
        return reports.report();
    }

    @GetMapping("/staffing/recommendations")
    public Recommendations recommendations() {
        return reports.recommendations();
    }

    @PostMapping("/what-if")
    public WhatIfResult whatIf(@RequestBody TableChange change) {
        if (change == null || change.moves() == null || change.moves().isEmpty()) {
            throw new InvalidWhatIf("Give at least one move: {\"moves\":[{\"chapter\":\"85\",\"toCenter\":\"MAC\"}]}");
        }
        // The proposal is checked first, so a bad move never reads the stores.
        HtsCenterTable proposed;
        try {
            proposed = whatIf.propose(change);
        } catch (IllegalArgumentException e) {
            throw new InvalidWhatIf(e.getMessage());
        }
        Map<String, Map<SpecialistRole, Integer>> specialists = new HashMap<>();
        for (Center center : Centers.all()) {
            specialists.put(center.code(), reports.specialists(center.code()));
        }
        // Counts are per day: the window starts at the start of the day it begins in.
        long sinceDay = clock.instant().minus(properties.demandWindow()).getEpochSecond() / 86_400;
        return whatIf.evaluate(proposed, stores.headingCounts(sinceDay), properties.demandWindowDays(), specialists);
    }

    /** A proposed table change that cannot be applied; answered as 400. */
    static class InvalidWhatIf extends RuntimeException {
        InvalidWhatIf(String message) {
            super(message);
        }
    }

    @ExceptionHandler(InvalidWhatIf.class)
    ProblemDetail badRequest(InvalidWhatIf e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-what-if", "Invalid what-if", e.getMessage());
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> notReady(InvalidStateStoreException e) {
        return Problems.notReadyAnswer("stores-not-ready", "Workload not ready",
                "The workload stores are loading or moving between instances; try again in a few seconds.");
    }
}
