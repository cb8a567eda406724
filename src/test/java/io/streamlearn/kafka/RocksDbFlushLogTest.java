package io.streamlearn.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class RocksDbFlushLogTest {

    @TempDir
    Path directory;

    @Test
    void setsInfoLoggingWithBoundedLogFiles() {
        try (Options options = new Options()) {
            new RocksDbFlushLog().setConfig("recommend-model", options, Map.of());

            assertEquals(InfoLogLevel.INFO_LEVEL, options.infoLogLevel());
            assertEquals(RocksDbFlushLog.LOG_FILE_BYTES, options.maxLogFileSize());
            assertEquals(RocksDbFlushLog.LOG_FILES, options.keepLogFileNum());
        }
    }

    @Test
    void aFlushOfARealStoreIsLoggedWithItsTimingsButNotItsData() throws Exception {
        RocksDB.loadLibrary();
        byte[] secret = "customer-text-never-logged".getBytes(StandardCharsets.UTF_8);
        try (Options options = new Options().setCreateIfMissing(true)) {
            new RocksDbFlushLog().setConfig("store", options, Map.of());
            try (RocksDB db = RocksDB.open(options, directory.toString());
                    FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                db.put(secret, secret);
                db.flush(flush);
            }
        }
        String log = Files.readString(directory.resolve("LOG"), StandardCharsets.ISO_8859_1);

        assertTrue(log.contains("\"event\": \"flush_finished\""), "the flush event is in the log");
        assertTrue(log.contains("Flush lasted"), "the flush's wall and CPU time are in the log");
        assertFalse(log.contains("customer-text-never-logged"), "keys and values stay out of the log");
    }
}
