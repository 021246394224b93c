package org.centerline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.support.GenericApplicationContext;

class DuplicateInstanceGuardTest {

    @Test
    void aFencingAnywhereInTheCausesIsADuplicate() {
        assertThat(DuplicateInstanceGuard.isFenced(new StreamsException(new FencedInstanceIdException("taken")))).isTrue();
        assertThat(DuplicateInstanceGuard.isFenced(new ProducerFencedException("epoch"))).as("a zombie, not a duplicate").isFalse();
        assertThat(DuplicateInstanceGuard.isFenced(new StreamsException(new TimeoutException("slow")))).isFalse();
    }

    @Test
    void aFencedInstanceIsNoLongerLiveAndOtherFailuresLeaveItAlone() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(ApplicationAvailabilityBean.class);
            context.refresh();
            AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
            DuplicateInstanceGuard guard = new DuplicateInstanceGuard(context, "center-1", false);
            ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);

            assertThat(guard.onFailure(new StreamsException(new TimeoutException("slow")))).isFalse();
            assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);

            assertThat(guard.onFailure(new StreamsException(new FencedInstanceIdException("taken")))).isTrue();
            assertThat(availability.getLivenessState()).isEqualTo(LivenessState.BROKEN);
        }
    }
}
