package org.centerline.center.queue;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.centerline.contracts.event.StaffingRoster;
import org.centerline.contracts.event.StatusChanged;

/**
 * What the queue task publishes: a {@link StatusChanged} per transition (with the trace headers of the
 * record that caused it) and each new roster (for {@code center-staffing}).
 */
final class StatusEvents {

    private final ProcessorContext<String, Object> context;
    private Headers headers = new RecordHeaders();

    StatusEvents(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    /** The record being processed (null: a punctuation), whose trace the events carry on. */
    void causedBy(Headers recordHeaders) {
        headers = TraceHeaders.copy(recordHeaders);
    }

    void emit(WorkItem after) {
        HistoryEntry last = after.history().get(after.history().size() - 1);
        context.forward(new Record<>(after.entryNumber(), new StatusChanged(1, after.entryNumber(), after.centerCode(),
                after.entrySummary().filerCode(), after.entrySummary().importerNumber(), after.status(),
                after.specialistId(), last.reason(), last.at()), last.at().toEpochMilli(), headers));
    }

    void roster(StaffingRoster roster) {
        context.forward(new Record<>(roster.centerCode(), roster, roster.updatedAt().toEpochMilli(), headers));
    }
}
