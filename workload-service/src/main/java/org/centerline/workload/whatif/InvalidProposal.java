package org.centerline.workload.whatif;

import java.util.List;
import java.util.stream.Collectors;

/** A proposal with faults: every one of them, not just the first (answered as a 400 problem). */
public final class InvalidProposal extends IllegalArgumentException {

    private final transient List<Fault> faults;

    public InvalidProposal(List<Fault> faults) {
        super(faults.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        this.faults = List.copyOf(faults);
    }

    public List<Fault> faults() {
        return faults;
    }
}
