package org.centerline.center.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.centerline.center.CenterProperties;
import org.centerline.center.command.CenterCommand;
import org.centerline.center.command.CommandOutcome;
import org.centerline.contracts.event.Specialist;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a person's command to {@code center-service.commands} and waits for the queue processor's
 * outcome, so the HTTP caller learns at once whether their claim, decision or roster change took
 * effect. Called on the instance that owns the Center ({@link OwnerForwarding}), whose stores get the outcome.
 */
@Component
public class CenterCommands {

    private final KafkaTemplate<String, byte[]> kafka;
    private final QueueStores stores;
    private final CenterProperties properties;
    private final Clock clock;

    public CenterCommands(KafkaTemplate<String, byte[]> kafka, QueueStores stores, CenterProperties properties, Clock clock) {
        this.kafka = kafka;
        this.stores = stores;
        this.properties = properties;
        this.clock = clock;
    }

    /** Applies the command or throws a 409 problem with the processor's reason. */
    public void apply(CenterCommand.Type type, String center, String entryNumber, String specialistId, String action,
                      String reason) {
        apply(new CenterCommand(UUID.randomUUID().toString(), type, entryNumber, center, specialistId,
                action, reason, clock.instant()));
    }

    /** Adds or replaces a specialist on the Center's roster, applied in order with every other command of the Center. */
    public void putSpecialist(String center, Specialist specialist) {
        apply(new CenterCommand(UUID.randomUUID().toString(), CenterCommand.Type.PUT_SPECIALIST, null, center,
                specialist.id(), null, null, clock.instant(), specialist, null));
    }

    public void removeSpecialist(String center, String specialistId) {
        apply(new CenterCommand(UUID.randomUUID().toString(), CenterCommand.Type.REMOVE_SPECIALIST, null, center,
                specialistId, null, null, clock.instant(), null, null));
    }

    /** Sends a seed roster without waiting: applied only if the Center has no roster yet, whichever instance sends it. */
    public void seedRoster(String center, List<Specialist> specialists) throws Exception {
        send(new CenterCommand(UUID.randomUUID().toString(), CenterCommand.Type.SEED_ROSTER, null, center, null, null,
                null, clock.instant(), null, specialists));
    }

    private void send(CenterCommand command) throws Exception {
        kafka.send(Topics.CENTER_COMMANDS.name(), Topics.centerCommandPartition(command.centerCode()), command.centerCode(),
                        CenterlineJson.mapper().writeValueAsBytes(command))
                .get(properties.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void apply(CenterCommand command) {
        try {
            send(command);
        } catch (Exception e) {
            throw Problems.error(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable",
                    "The command could not be written to Kafka; nothing changed. Try again.");
        }
        CommandOutcome outcome = await(command.commandId(), properties.commandTimeout());
        if (!outcome.applied()) {
            throw Problems.error(HttpStatus.CONFLICT, "illegal-transition", "Not allowed now", outcome.refusal());
        }
    }

    private CommandOutcome await(String commandId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<CommandOutcome> outcome = stores.outcome(commandId);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw Problems.error(HttpStatus.GATEWAY_TIMEOUT, "command-pending", "Outcome not known yet",
                "The command " + commandId + " was sent but its outcome did not arrive within " + timeout
                        + "; read the item again before retrying.");
    }
}
