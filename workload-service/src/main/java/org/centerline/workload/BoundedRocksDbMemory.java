package org.centerline.workload;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of all RocksDB stores of this process: one block cache shared by every store (and
 * every segment of the window stores), with the memtables counted against it, and small memtables.
 * Sizes: {@code centerline.rocksdb.cache-bytes} (default 32 MiB, of which half may be memtables) and
 * {@code centerline.rocksdb.write-buffer-bytes} (per memtable, default 2 MiB), passed as Streams properties.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    public static final String CACHE_BYTES = "centerline.rocksdb.cache-bytes";
    public static final String WRITE_BUFFER_BYTES = "centerline.rocksdb.write-buffer-bytes";

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    private static synchronized void init(long cacheBytes) {
        if (cache == null) {
            cache = new LRUCache(cacheBytes, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(cacheBytes / 2, cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long cacheBytes = longSetting(configs, CACHE_BYTES, 32L << 20);
        long writeBufferBytes = longSetting(configs, WRITE_BUFFER_BYTES, 2L << 20);
        init(cacheBytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(writeBufferBytes);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store of the process: never closed here.
    }

    private static long longSetting(Map<String, Object> configs, String name, long defaultValue) {
        Object value = configs.get(name);
        return value == null ? defaultValue : Long.parseLong(value.toString());
    }
}
