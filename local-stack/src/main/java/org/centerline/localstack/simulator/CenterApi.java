package org.centerline.localstack.simulator;

import java.util.List;

/**
 * The part of center-service's HTTP API the specialists simulator uses (CONTRACT.md, "HTTP"). An interface so
 * {@link SpecialistsAtWork} can be tested without a network; {@link HttpCenterApi} is the real one.
 * Every method throws {@link CenterApiException} when the call fails: a 409 is {@link CenterApiException#conflict()}.
 */
public interface CenterApi {

    /** {@code GET /api/centers/{code}/roster}. */
    Roster roster(String centerCode);

    /**
     * {@code GET /api/centers/{code}/queue?status=..&specialistId=..&page=..&size=..}, in priority order.
     *
     * @param status       a status to filter by, or null for every open item
     * @param specialistId a specialist to filter by, or null
     */
    QueuePage queue(String centerCode, String status, String specialistId, int page, int size);

    /** {@code POST /api/centers/{code}/entries/{entryNumber}/claim}: the item, now IN_REVIEW. */
    WorkItem claim(String centerCode, String entryNumber, String specialistId);

    /** {@code POST /api/centers/{code}/entries/{entryNumber}/decision}: the item after the decision. */
    WorkItem decide(String centerCode, String entryNumber, String action, String specialistId, String reason);

    /** {@code POST /api/centers/{code}/entries/{entryNumber}/cf28-answer}: the item, now CF28_ANSWERED. */
    WorkItem answerCf28(String centerCode, String entryNumber, String reason);

    /** A Center's staff. Fields the simulator does not need are not read. */
    record Roster(String centerCode, List<Specialist> specialists) {
        public Roster {
            specialists = specialists == null ? List.of() : List.copyOf(specialists);
        }
    }

    /** One specialist; {@code onDuty} absent counts as on duty. */
    record Specialist(String id, String name, String role, Boolean onDuty) {
        public boolean working() {
            return id != null && !Boolean.FALSE.equals(onDuty);
        }
    }

    /** One page of a Center's queue. */
    record QueuePage(String centerCode, int page, int size, long total, List<WorkItem> items) {
        public QueuePage {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A work item, as far as the simulator reads it. */
    record WorkItem(String entryNumber, String centerCode, String status, String specialistId) {
    }
}
