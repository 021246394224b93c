package org.centerline.notification.web;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.delivery.DeliveryLedger;
import org.centerline.notification.delivery.DeliveryStatus;
import org.centerline.notification.subscription.SubscriptionRegistry;
import org.centerline.notification.subscription.SubscriptionScope;
import org.centerline.security.Caller;
import org.centerline.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What became of a delivery, the dead letters, and bringing one back: each for the callers who may read the
 * delivery's subscription (its owner's party; ops and admin all). Another party's delivery answers 404.
 */
@RestController
@RequestMapping("/api")
public class DeliveryController {

    private final DeliveryLedger ledger;
    private final SubscriptionRegistry subscriptions;
    private final KafkaTemplate<String, byte[]> kafka;

    public DeliveryController(DeliveryLedger ledger, SubscriptionRegistry subscriptions, KafkaTemplate<String, byte[]> kafka) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.kafka = kafka;
    }

    @GetMapping("/deliveries/{deliveryId}")
    public DeliveryStatus delivery(@PathVariable String deliveryId, Caller caller) {
        return ledger.find(deliveryId).filter(d -> mayRead(caller, d)).orElseThrow(() -> Problems.error(HttpStatus.NOT_FOUND,
                "not-found", "No such delivery", "No delivery " + deliveryId + "."));
    }

    @GetMapping("/dead-letters")
    public List<DeliveryStatus> deadLetters(Caller caller) {
        return ledger.dead().stream().filter(d -> mayRead(caller, d)).toList();
    }

    /** Puts a dead delivery back on the delivery topic, with the same delivery id, for a fresh set of attempts. */
    @PostMapping("/dead-letters/{deliveryId}/redeliver")
    public ResponseEntity<DeliveryStatus> redeliver(@PathVariable String deliveryId, Caller caller)
            throws InterruptedException, ExecutionException, TimeoutException {
        DeliveryStatus dead = ledger.findDead(deliveryId).filter(s -> mayRead(caller, s))
                .orElseThrow(() -> Problems.error(HttpStatus.NOT_FOUND, "not-found", "No such dead letter",
                        "Delivery " + deliveryId + " is not dead (or unknown)."));
        // PENDING first: the worker may deliver it before this thread gets on, and its state must be the later one.
        DeliveryStatus pending = ledger.record(dead.delivery(), DeliveryStatus.State.PENDING, 0, null);
        ledger.revived(deliveryId);
        try {
            kafka.send(Topics.NOTIFICATIONS.name(), dead.subscriptionId(), CenterlineJson.mapper().writeValueAsBytes(dead.delivery()))
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            ledger.record(dead.delivery(), DeliveryStatus.State.DEAD, dead.attempts(), dead.lastError());
            throw e;
        }
        return ResponseEntity.accepted().body(pending);
    }

    /** Through its subscription; once that is deleted, only ops and admin see the delivery. */
    private boolean mayRead(Caller caller, DeliveryStatus delivery) {
        return SubscriptionScope.seesAll(caller) || subscriptions.findFor(delivery.subscriptionId(), caller).isPresent();
    }
}
