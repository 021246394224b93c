package org.centerline.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centerline.contracts.event.PartnerAgency;
import org.centerline.contracts.event.RoutingBasis;
import org.centerline.contracts.event.RoutingDecision;
import org.centerline.contracts.event.RoutingFlag;
import org.centerline.contracts.json.CenterlineJson;
import org.centerline.contracts.topic.Topics;
import org.centerline.notification.source.Notification;
import org.centerline.notification.source.RoutedEntrySourceAccess;
import org.centerline.security.Caller;
import org.centerline.security.Role;
import org.junit.jupiter.api.Test;

/** entry.routed: an agency hears of every entry that names it, and of nothing else. */
class AgencyRoutingTest {

    private static RoutingDecision decision(String entry, PartnerAgency... agencies) {
        return new RoutingDecision(1, entry, "ABC", "12-3456789AB", "01", "AGR", RoutingBasis.HTS, Map.of("AGR", 1),
                Map.of("0201", 1), "2026.11-1", 1.2, List.of(RoutingFlag.UFLPA), null, Instant.EPOCH, Instant.EPOCH,
                List.of(agencies), Map.of("partnerAgencies", "2026.12-1"));
    }

    private static Notification routed(RoutingDecision d) {
        byte[] json = CenterlineJson.mapper().writeValueAsBytes(d);
        return RoutedEntrySourceAccess.toNotification(new ConsumerRecord<>(Topics.ROUTED.name(), 0, 7L, d.entryNumber(), json));
    }

    private static Subscription as(Caller caller, List<String> eventTypes) {
        return SubscriptionScope.fit(new Subscription(null, "who", eventTypes, null, null, null, null, null, Instant.EPOCH, null),
                caller);
    }

    private static Caller agency(String agency) {
        return new Caller("agency-" + agency, Set.of(Role.AGENCY), null, null, null, null, agency);
    }

    private static final Notification MEAT = routed(decision("ABC-1234567-6", new PartnerAgency("FSIS", "FS4", true),
            new PartnerAgency("FDA", "FD3", false)));
    private static final Notification CAR = routed(decision("ABC-1234568-4", new PartnerAgency("NHTSA", "DT2", true),
            new PartnerAgency("EPA", "EP5", false)));

    @Test
    void aDecisionNamingNoAgencyIsNoNotification() {
        assertThat(routed(decision("ABC-1234569-2"))).isNull();
        assertThat(MEAT.eventType()).isEqualTo(Notification.ENTRY_ROUTED);
        assertThat(MEAT.data()).isInstanceOf(RoutingDecision.class);
    }

    @Test
    void anAgencyHearsOfTheEntriesThatNameItOnly() {
        Subscription fda = as(agency("FDA"), null);
        Subscription epa = as(agency("EPA"), List.of(Notification.ENTRY_ROUTED));
        Subscription cpsc = as(agency("CPSC"), null);
        assertThat(fda.matches(MEAT)).isTrue();
        assertThat(fda.matches(CAR)).isFalse();
        assertThat(epa.matches(CAR)).isTrue();
        assertThat(epa.matches(MEAT)).isFalse();
        assertThat(cpsc.matches(MEAT)).isFalse();
        assertThat(cpsc.matches(CAR)).isFalse();
    }

    @Test
    void anAgencyHearsOfNoOtherEntryEvent() {
        Subscription fda = as(agency("FDA"), null);
        Notification rejection = new Notification("s/0/1", Notification.ENTRY_REJECTED, Instant.EPOCH, "ABC", null, null,
                List.of(), "data");
        Notification status = new Notification("s/0/2", Notification.ENTRY_STATUS, Instant.EPOCH, "ABC", "12-3456789AB", "AGR",
                List.of(), "data");
        assertThat(fda.matches(rejection)).isFalse();
        assertThat(fda.matches(status)).isFalse();
    }

    @Test
    void filersImportersAndCentersDoNotHearOfIt_opsOnlyWhenTheyAskByName() {
        Caller filer = new Caller("f", Set.of(Role.FILER), "ABC", null, null, null, null);
        Caller importer = new Caller("i", Set.of(Role.IMPORTER), null, "12-3456789AB", null, null, null);
        Caller director = new Caller("d", Set.of(Role.DIRECTOR), null, null, "AGR", null, null);
        Caller ops = new Caller("o", Set.of(Role.OPS), null, null, null, null, null);
        assertThat(as(filer, null).matches(MEAT)).isFalse();
        assertThat(as(importer, null).matches(MEAT)).isFalse();
        assertThat(as(director, null).matches(MEAT)).isFalse();
        assertThat(as(ops, null).matches(MEAT)).isFalse();
        assertThat(as(ops, List.of(Notification.ENTRY_ROUTED)).matches(MEAT)).isTrue();
    }
}
