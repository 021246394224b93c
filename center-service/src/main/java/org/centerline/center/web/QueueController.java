package org.centerline.center.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.centerline.contracts.event.Decision;
import org.centerline.center.command.CenterCommand;
import org.centerline.center.queue.Lifecycle;
import org.centerline.center.queue.QueueReader;
import org.centerline.center.queue.WorkItem;
import org.centerline.contracts.event.EntryStatus;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.security.Caller;
import org.centerline.security.Role;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Center's queue for its import specialists: what is waiting, who has it, and claims and decisions.
 * Only the Center's own staff get here ({@link CenterAccess}); this class checks whom a claim or a
 * decision is for.
 */
@RestController
@RequestMapping("/api/centers/{code}")
public class QueueController {

    /** A page of the queue. */
    public record QueuePage(String centerCode, int page, int size, long total, List<WorkItemView> items) {
    }

    public record ClaimRequest(String specialistId) {
    }

    public record DecisionRequest(String action, String specialistId, String reason) {
    }

    public record AnswerRequest(String reason) {
    }

    private final QueueStores stores;
    private final CenterCommands commands;
    private final ServedCenters centers;

    public QueueController(QueueStores stores, CenterCommands commands, ServedCenters centers) {
        this.stores = stores;
        this.commands = commands;
        this.centers = centers;
    }

    /** Open items by priority (enforcement flags first, then oldest); {@code status} may ask for closed ones too. */
    @GetMapping("/queue")
    public QueuePage queue(@PathVariable String code, @RequestParam(required = false) EntryStatus status,
                           @RequestParam(required = false) String specialistId,
                           @RequestParam(required = false) RoutingFlag flag,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        String center = centers.resolve(code);
        if (page < 0 || size < 1 || size > 500) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "bad-page", "Bad page", "page must be >= 0 and size 1 to 500.");
        }
        QueueReader.Page found = stores.queue().page(center, status, specialistId, flag, page, size);
        return new QueuePage(center, page, size, found.total(), found.items().stream().map(WorkItemView::summary).toList());
    }

    @GetMapping("/entries/{entryNumber}")
    public WorkItemView item(@PathVariable String code, @PathVariable String entryNumber) {
        return WorkItemView.full(find(centers.resolve(code), entryNumber));
    }

    /** A specialist claims for themselves; the Center's director may assign the item to anyone on its roster. */
    @PostMapping("/entries/{entryNumber}/claim")
    public WorkItemView claim(@PathVariable String code, @PathVariable String entryNumber, @RequestBody ClaimRequest body,
                              Caller caller) {
        String center = centers.resolve(code);
        String specialist = required(body == null ? null : body.specialistId(), "specialistId");
        Caller.require(caller.worksAt(center, Role.DIRECTOR) || isSpecialist(caller, center, specialist),
                "A specialist claims only as themselves (specialistId = the token's specialist_id); "
                        + "the Center's director may claim on behalf of a specialist.");
        refuseIf(Lifecycle.refuseClaim(find(center, entryNumber)));
        commands.apply(CenterCommand.Type.CLAIM, center, entryNumber, specialist, null, null);
        return WorkItemView.full(find(center, entryNumber));
    }

    /** Only the specialist who has the item decides, as themselves: nobody decides on a specialist's behalf. */
    @PostMapping("/entries/{entryNumber}/decision")
    public WorkItemView decide(@PathVariable String code, @PathVariable String entryNumber,
                               @RequestBody DecisionRequest body, Caller caller) {
        String center = centers.resolve(code);
        String specialist = required(body == null ? null : body.specialistId(), "specialistId");
        Caller.require(isSpecialist(caller, center, specialist),
                "A specialist decides only as themselves (specialistId = the token's specialist_id); "
                        + "nobody decides on a specialist's behalf.");
        String action = required(body.action(), "action").toUpperCase(Locale.ROOT);
        if (Decision.find(action).isEmpty()) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "unknown-action", "Unknown action",
                    "action must be one of " + Arrays.toString(Decision.values()) + ".");
        }
        refuseIf(Lifecycle.refuseDecision(find(center, entryNumber), action, specialist));
        commands.apply(CenterCommand.Type.DECIDE, center, entryNumber, specialist, action, body.reason());
        return WorkItemView.full(find(center, entryNumber));
    }

    /** The filer answered a CF-28 (request for information), as the Center's staff record: the item can be claimed again. */
    @PostMapping("/entries/{entryNumber}/cf28-answer")
    public WorkItemView answerCf28(@PathVariable String code, @PathVariable String entryNumber,
                                   @RequestBody(required = false) AnswerRequest body) {
        String center = centers.resolve(code);
        refuseIf(Lifecycle.refuseCf28Answer(find(center, entryNumber)));
        commands.apply(CenterCommand.Type.ANSWER_CF28, center, entryNumber, null, null, body == null ? null : body.reason());
        return WorkItemView.full(find(center, entryNumber));
    }

    private WorkItem find(String center, String entryNumber) {
        return stores.item(center, entryNumber).orElseThrow(() -> Problems.error(HttpStatus.NOT_FOUND, "not-found",
                "No such entry", "No entry " + entryNumber + " in " + center + "'s queue."));
    }


    /** The caller is a specialist of this Center whose token names this roster id. */
    private static boolean isSpecialist(Caller caller, String center, String specialistId) {
        return caller.worksAt(center, Role.SPECIALIST) && specialistId.equals(caller.specialistId());
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw Problems.error(HttpStatus.BAD_REQUEST, "missing-field", "Missing field", name + " is required.");
        }
        return value;
    }

    private static void refuseIf(String refusal) {
        if (refusal != null) {
            throw Problems.error(HttpStatus.CONFLICT, "illegal-transition", "Not allowed now", refusal);
        }
    }
}
