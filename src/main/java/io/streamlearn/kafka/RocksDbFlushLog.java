package io.streamlearn.kafka;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;

/**
 * Opt-in diagnostics: RocksDB's own log ({@code LOG} in each store's directory) at info level, which
 * records every flush and compaction with its size and wall and CPU time ({@code EVENT_LOG_v1} lines,
 * "Flush lasted N microseconds, and M cpu microseconds"). Kafka Streams otherwise keeps that log
 * silent. It is how the at_least_once commit stalls were taken apart per store (README, "Load tests").
 * Enable with {@code kafka-streams.rocksdb.config.setter=io.streamlearn.kafka.RocksDbFlushLog}; the
 * log rolls at {@link #LOG_FILE_BYTES} and keeps {@link #LOG_FILES} files per store. The log holds
 * sizes and timings, never keys or values.
 */
public final class RocksDbFlushLog implements RocksDBConfigSetter {

    static final long LOG_FILE_BYTES = 16L * 1024 * 1024;
    static final long LOG_FILES = 4;
    /** Seconds between the statistics summaries written into the log. */
    static final int STATS_DUMP_SECONDS = 60;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setInfoLogLevel(InfoLogLevel.INFO_LEVEL);
        options.setMaxLogFileSize(LOG_FILE_BYTES);
        options.setKeepLogFileNum(LOG_FILES);
        options.setStatsDumpPeriodSec(STATS_DUMP_SECONDS);
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing was allocated beyond the options Kafka Streams owns and closes.
    }
}
