package org.centerline.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jpountz.lz4.LZ4Factory;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.ByteBufferOutputStream;
import org.junit.jupiter.api.Test;

/**
 * That the native codec loads on this platform and that Kafka's lz4 then runs on it and reads what it wrote. Here the
 * classes come from the system class loader, where lz4-java would pick the native codec by itself: the Boot-jar case
 * {@link NativeLz4} exists for is seen in the benchmark's profile (docs/performance.md), not in this test.
 */
class NativeLz4Test {

    @Test
    void theNativeLibraryLoadsHereAndKafkasLz4RunsOnItAndReadsWhatItWrote() {
        assertThat(NativeLz4.load()).isTrue();
        assertThat(LZ4Factory.fastestInstance()).isSameAs(LZ4Factory.nativeInstance());

        byte[] filing = "{\"entryNumber\":\"ABC-1234567-8\",\"lines\":[{\"hts\":\"8471.30.0100\"}]}".repeat(20)
                .getBytes(StandardCharsets.UTF_8);
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(new ByteBufferOutputStream(4096), RecordBatch.CURRENT_MAGIC_VALUE,
                Compression.lz4().build(), TimestampType.CREATE_TIME, 0L, 0L, RecordBatch.NO_PRODUCER_ID,
                RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE, false, false, RecordBatch.NO_PARTITION_LEADER_EPOCH, 4096);
        builder.append(1L, null, filing);
        MemoryRecords records = builder.build();
        assertThat(records.sizeInBytes()).isLessThan(filing.length / 4);
        assertThat(records.batches().iterator().next().compressionType()).isEqualTo(CompressionType.LZ4);
        Record read = records.records().iterator().next();
        byte[] value = new byte[read.valueSize()];
        read.value().get(value);
        assertThat(Arrays.equals(value, filing)).isTrue();
    }
}
