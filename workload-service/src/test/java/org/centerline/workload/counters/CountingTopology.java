package org.centerline.workload.counters;

import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.centerline.workload.WorkloadProperties;

/** The counting topology for tests in other packages (its bean method is package-private). */
public final class CountingTopology {

    private CountingTopology() {
    }

    public static KStream<String, Published> build(StreamsBuilder builder, Clock clock, WorkloadProperties properties) {
        return new WorkloadTopology().workload(builder, clock, properties);
    }
}
