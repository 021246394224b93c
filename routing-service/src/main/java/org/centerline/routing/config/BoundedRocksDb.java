package org.centerline.routing.config;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of the ledger's RocksDB instances (one per partition and time segment): one
 * block cache and one write-buffer budget shared by all of them, instead of Kafka Streams' default of a
 * 50 MB cache and 3 x 16 MB write buffers each. Sized for the ledger's access pattern (one point lookup and
 * one put per filing), so the process's memory does not grow with partitions or history.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    static final long CACHE_BYTES = 64L * 1024 * 1024;
    static final long WRITE_BUFFER_BYTES = 32L * 1024 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    /** Made on first use: the native library is loaded by then (Kafka Streams may instantiate this class earlier). */
    private static synchronized void init() {
        if (cache == null) {
            RocksDB.loadLibrary();
            cache = new LRUCache(CACHE_BYTES, -1, false, 0.1);
            writeBuffers = new WriteBufferManager(WRITE_BUFFER_BYTES, cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        init();
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(8L * 1024 * 1024);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store of the process: never closed here.
    }
}
