package org.centerline.workload.web;

import java.util.HashMap;
import java.util.List;
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
import org.centerline.workload.whatif.Fault;
import org.centerline.workload.whatif.InvalidProposal;
import org.centerline.workload.whatif.Proposal;
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

    /**
     * Prices a proposed structure (new Centers, merges, chapter and heading moves, staff moves) over the demand
     * window. A proposal with faults is a 400 problem whose {@code errors} list every fault
     * ({@code {"field":"merges[0].from","message":"..."}}); it is checked before the counts are read.
     */
    @PostMapping("/what-if")
    public WhatIfResult whatIf(@RequestBody(required = false) TableChange change) {
        // The proposal is checked first (rosters are read only for staff moves), so a bad one never reads the counts.
        Proposal proposal = whatIf.proposal(change, reports::specialists);
        Map<String, Map<SpecialistRole, Integer>> specialists = new HashMap<>();
        for (Center center : Centers.all()) {
            specialists.put(center.code(), reports.specialists(center.code()));
        }
        Map<String, Integer> accounts = proposal.mergedInto().isEmpty() ? Map.of() : stores.accountsByCenter();
        // Counts are per day: the window starts at the start of the day it begins in.
        long sinceDay = clock.instant().minus(properties.demandWindow()).getEpochSecond() / 86_400;
        return whatIf.evaluate(proposal, stores.headingCounts(sinceDay), properties.demandWindowDays(), specialists, accounts);
    }

    @ExceptionHandler(InvalidProposal.class)
    ProblemDetail badRequest(InvalidProposal e) {
        List<Fault> faults = e.faults();
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-what-if", "Invalid what-if",
                faults.size() == 1 ? faults.get(0).message() : "The proposal has " + faults.size() + " faults: " + e.getMessage());
        problem.setProperty("errors", faults);
        return problem;
    }

    @ExceptionHandler(InvalidStateStoreException.class)
    ResponseEntity<ProblemDetail> notReady(InvalidStateStoreException e) {
        return Problems.notReadyAnswer("stores-not-ready", "Workload not ready",
                "The workload stores are loading or moving between instances; try again in a few seconds.");
    }
}
