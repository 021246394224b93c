package org.centerline.routing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The flat index behaves like the bounded LinkedHashMap it replaced, under any mix of operations. */
class BoundedIndexTest {

    @Test
    void agreesWithABoundedLinkedHashMapUnderRandomOperations() {
        for (int max : new int[] {1, 2, 7, 100, 1_000}) {
            BoundedIndex<String> index = new BoundedIndex<>(max);
            Map<Long, long[]> reference = new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, long[]> eldest) {
                    return size() > max;
                }
            };
            Random random = new Random(max);
            for (int op = 0; op < 50_000; op++) {
                long key = random.nextInt(max * 3) * 7_919L; // collisions and long probe runs
                long time = random.nextInt(1_000);
                long value = random.nextInt(10);
                reference.merge(key, new long[] {value, time}, (old, neu) -> neu[1] < old[1] ? old : neu);
                index.merge(key, Long.toString(value), time);
                long probe = random.nextInt(max * 3) * 7_919L;
                long[] expected = reference.get(probe);
                assertThat(index.get(probe)).as("max %d, op %d, key %d", max, op, probe)
                        .isEqualTo(expected == null ? null : Long.toString(expected[0]));
            }
            assertThat(index.size()).isEqualTo(reference.size());
            reference.forEach((k, v) -> assertThat(index.get(k)).isEqualTo(Long.toString(v[0])));
        }
    }

    @Test
    void theLaterTimeStandsAndTheFirstInsertedLeavesFirst() {
        BoundedIndex<String> index = new BoundedIndex<>(2);
        index.merge(1, "MAC", 2_000);
        index.merge(1, "ELE", 1_000);
        index.merge(2, "PHC", 1_000);
        assertThat(index.get(1)).isEqualTo("MAC");
        index.merge(3, "AUT", 3_000);
        assertThat(index.get(1)).isNull();
        assertThat(index.get(2)).isEqualTo("PHC");
        assertThat(index.get(3)).isEqualTo("AUT");
        assertThat(index.get(0)).isNull();
    }

    @Test
    void entryNumbersPackToDistinctKeysAndAnythingElseToNone() {
        assertThat(EntryKey.of("ABC-1234567-6")).isNotEqualTo(EntryKey.of("ABC-1234567-7"))
                .isNotEqualTo(EntryKey.of("ABD-1234567-6")).isNotEqualTo(EntryKey.of("A8C-1234567-6"));
        assertThat(EntryKey.of("000-0000000-0")).isZero();
        assertThat(EntryKey.of("ZZZ-9999999-9")).isPositive();
        for (String bad : new String[] {null, "", "abc-1234567-6", "ABC-123456-76", "ABC-1234567-X", "ABC 1234567-6", "E-1"}) {
            assertThat(EntryKey.of(bad)).as(bad).isEqualTo(EntryKey.NONE);
        }
    }
}
