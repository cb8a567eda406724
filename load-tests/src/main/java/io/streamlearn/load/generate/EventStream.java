package io.streamlearn.load.generate;

/**
 * An endless, seeded stream of input records. The caller supplies the identifier and the timestamp,
 * because both belong to the load run (the identifier is how a prediction is matched back to the
 * event, the timestamp is the intended send time).
 */
public interface EventStream {

    OutgoingEvent next(String eventId, long timestampMillis);

    /**
     * Whether the stream has its steady shape: a stream that still changes as it is drawn (a
     * catalogue still growing) would give a measurement phase a different workload depending on how
     * many events the phases before it sent.
     */
    default boolean steady() {
        return true;
    }
}
