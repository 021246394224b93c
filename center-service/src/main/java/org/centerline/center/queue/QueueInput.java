package org.centerline.center.queue;

import org.centerline.center.command.CenterCommand;
import org.centerline.contracts.event.CenterEntry;

/** What reaches a Center's queue processor: an entry from the Center's topic, or a command from its staff. */
public sealed interface QueueInput {

    record Routed(CenterEntry entry) implements QueueInput {
    }

    record Command(CenterCommand command) implements QueueInput {
    }
}
