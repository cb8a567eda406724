package io.streamlearn.sync;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps the sync topic's publications in the archive (a global store: every instance reads the
 * whole topic, committed records only). Marks a publication complete once its last part is in, and
 * drops each source's publications older than the retained window, so the archive stays bounded.
 * Also runs when the archive is rebuilt from the topic, so the rebuilt archive is the same.
 */
public final class DeltaArchiver implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = Logger.getLogger(DeltaArchiver.class);

    private final String storeName;
    private final int retainedSequences;
    private KeyValueStore<String, byte[]> archive;

    public DeltaArchiver(String storeName, int retainedSequences) {
        this.storeName = storeName;
        this.retainedSequences = retainedSequences;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        archive = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        DeltaFrame frame;
        try {
            frame = DeltaFrame.header(record.value());
        } catch (IllegalArgumentException e) {
            // Only tasks of this service write the topic: a foreign record is skipped, not fatal.
            LOG.warnf("sync record with key %s ignored: %s", record.key(), e.getMessage());
            return;
        }
        if (record.key() == null) {
            LOG.warn("sync record without a source key ignored");
            return;
        }
        archive.put(DeltaKeys.part(record.key(), frame.sequence(), frame.part()), record.value());
        if (frame.part() == frame.parts() - 1) {
            archive.put(DeltaKeys.head(record.key()), ByteBuffer.allocate(Long.BYTES).putLong(frame.sequence()).array());
            drop(record.key(), frame.sequence() - retainedSequences);
        }
    }

    private void drop(String source, long sequence) {
        if (sequence < 1) {
            return;
        }
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> parts = archive.range(DeltaKeys.part(source, sequence, 0),
                DeltaKeys.part(source, sequence, 99_999))) {
            parts.forEachRemaining((KeyValue<String, byte[]> entry) -> keys.add(entry.key));
        }
        keys.forEach(archive::delete);
    }
}
