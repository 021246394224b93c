package org.centerline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic: nearest-rank percentiles and reading the decision's timestamps. */
class PercentilesTest {

    @Test
    void nearestRankOfOneToThousand() {
        long[] s = new long[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = i + 1;
        }
        assertThat(Percentiles.nearestRank(s, 0.50)).isEqualTo(500);
        assertThat(Percentiles.nearestRank(s, 0.99)).isEqualTo(990);
        assertThat(Percentiles.nearestRank(s, 0.999)).isEqualTo(999);
        assertThat(Percentiles.nearestRank(s, 1.0)).isEqualTo(1000);
        assertThat(Percentiles.nearestRank(s, 0.0001)).isEqualTo(1);
    }

    @Test
    void smallSetsRoundUp() {
        long[] s = {10, 20, 30};
        assertThat(Percentiles.nearestRank(s, 0.50)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(s, 0.99)).isEqualTo(30);
        assertThat(Percentiles.nearestRank(new long[] {7}, 0.999)).isEqualTo(7);
    }

    @Test
    void summaryIsInMillisecondsAndLeavesTheSamplesAlone() {
        long[] micros = {3_000, 1_000, 2_000, 100_000};
        Percentiles.Summary s = Percentiles.summarize(micros);
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.p50Ms()).isEqualTo(2.0);
        assertThat(s.p99Ms()).isEqualTo(100.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
        assertThat(s.meanMs()).isEqualTo(26.5);
        assertThat(micros).containsExactly(3_000, 1_000, 2_000, 100_000);
        assertThat(Percentiles.summarize(new long[0]).count()).isZero();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsDecisionTimestamps() {
        byte[] json = ("{\"entryNumber\":\"ABC-1234567-6\",\"filedAt\":\"2026-11-20T10:15:30.123Z\","
                + "\"routedAt\":\"2026-11-20T10:15:30.125417Z\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(JsonInstants.field(json, "filedAt")).isEqualTo(Instant.parse("2026-11-20T10:15:30.123Z"));
        assertThat(JsonInstants.field(json, "routedAt")).isEqualTo(Instant.parse("2026-11-20T10:15:30.125417Z"));
        byte[] spaced = "{ \"routedAt\" : \"2026-11-20T10:15:30Z\" }".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonInstants.field(spaced, "routedAt")).isEqualTo(Instant.parse("2026-11-20T10:15:30Z"));
    }

    @Test
    void decisionRecordIsDecisionSizedAndCarriesTheKey() {
        byte[] v = BaselinePassThrough.decision("XYZ-7654321-0".getBytes(StandardCharsets.US_ASCII));
        assertThat(v).hasSize(BaselinePassThrough.DECISION_BYTES);
        assertThat(new String(v, StandardCharsets.US_ASCII)).contains("\"entryNumber\":\"XYZ-7654321-0\"").endsWith("}");
    }
}
