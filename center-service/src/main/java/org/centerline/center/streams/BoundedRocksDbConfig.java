package org.centerline.center.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds RocksDB's memory for the whole process: every store of every task shares one block cache
 * (index and filter blocks included) and one write buffer manager charged to that cache, so off-heap
 * memory stays under {@code centerline.rocksdb.total-off-heap-bytes} however many stores, tasks or items
 * there are. Settings (Kafka Streams properties, so {@code spring.kafka.streams.properties.<name>}):
 * {@code centerline.rocksdb.total-off-heap-bytes} (default 64 MiB), {@code centerline.rocksdb.memtable-bytes}
 * (default 16 MiB of it for write buffers), {@code centerline.rocksdb.write-buffer-bytes} (per store, default 4 MiB).
 */
public class BoundedRocksDbConfig implements RocksDBConfigSetter {

    public static final String TOTAL_OFF_HEAP = "centerline.rocksdb.total-off-heap-bytes";
    public static final String MEMTABLE = "centerline.rocksdb.memtable-bytes";
    public static final String WRITE_BUFFER = "centerline.rocksdb.write-buffer-bytes";

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    private static synchronized void shared(long total, long memtables) {
        if (cache == null) {
            // Shared by every store of the process and never closed (a store's close must not close it).
            cache = new LRUCache(total, -1, false, 0.1);
            writeBufferManager = new WriteBufferManager(memtables, cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long total = bytes(configs, TOTAL_OFF_HEAP, 64L << 20);
        long memtables = Math.min(total / 2, bytes(configs, MEMTABLE, 16L << 20));
        shared(total, memtables);
        BlockBasedTableConfigWithAccessibleCache table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setWriteBufferSize(bytes(configs, WRITE_BUFFER, 4L << 20));
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared: nothing to close per store.
    }

    private static long bytes(Map<String, Object> configs, String name, long fallback) {
        Object v = configs.get(name);
        return v == null || v.toString().isBlank() ? fallback : Long.parseLong(v.toString().trim());
    }
}
