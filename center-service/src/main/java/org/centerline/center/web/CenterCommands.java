package org.centerline.center.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.centerline.center.CenterProperties;
import org.centerline.center.command.CenterCommand;
import org.centerline.center.command.CommandOutcome;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a person's command to {@code center-service.commands} and waits for the queue processor's
 * outcome, so the HTTP caller learns at once whether their claim or decision took effect.
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
        CenterCommand command = new CenterCommand(UUID.randomUUID().toString(), type, entryNumber, center, specialistId,
                action, reason, clock.instant());
        try {
            kafka.send(Topics.CENTER_COMMANDS.name(), Topics.centerCommandPartition(center), center,
                            CenterlineJson.mapper().writeValueAsBytes(command))
                    .get(properties.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
