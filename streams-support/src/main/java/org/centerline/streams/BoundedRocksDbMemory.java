package org.centerline.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds RocksDB's memory for the whole process, for every Kafka Streams service: every store of every task
 * (and every segment of a window store) shares one block cache, index and filter blocks included, and one
 * write-buffer manager charged to that cache. Off-heap memory then stays under the cache size however many
 * stores, partitions or records there are, instead of Kafka Streams' default of a 50 MB cache and 3 x 16 MB
 * write buffers per store.
 *
 * <p>Settings, as Kafka Streams properties ({@code spring.kafka.streams.properties.<name>}, or the binder's
 * configuration): {@value #CACHE_BYTES} (default 64 MiB), {@value #MEMTABLE_BYTES} (the part of it write
 * buffers may take, default and at most half) and {@value #WRITE_BUFFER_BYTES} (one memtable of one store,
 * default 4 MiB). The first store of the process fixes the shared sizes.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String CACHE_BYTES = "centerline.rocksdb.cache-bytes";
    public static final String MEMTABLE_BYTES = "centerline.rocksdb.memtable-bytes";
    public static final String WRITE_BUFFER_BYTES = "centerline.rocksdb.write-buffer-bytes";

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    /** Made on first use, after the native library is loaded; never closed (a store's close must not close it). */
    private static synchronized void shared(long cacheBytes, long memtableBytes) {
        if (cache == null) {
            RocksDB.loadLibrary();
            cache = new LRUCache(cacheBytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(memtableBytes, cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long cacheBytes = bytes(configs, CACHE_BYTES, 64L << 20);
        long memtableBytes = Math.min(cacheBytes / 2, bytes(configs, MEMTABLE_BYTES, cacheBytes / 2));
        shared(cacheBytes, memtableBytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(bytes(configs, WRITE_BUFFER_BYTES, 4L << 20));
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store of the process: nothing to close per store.
    }

    private static long bytes(Map<String, Object> configs, String name, long fallback) {
        Object value = configs.get(name);
        return value == null || value.toString().isBlank() ? fallback : Long.parseLong(value.toString().trim());
    }
}
