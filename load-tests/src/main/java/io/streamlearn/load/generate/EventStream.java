package io.streamlearn.load.generate;

/**
 * An endless, seeded stream of input records. The caller supplies the identifier and the timestamp,
 * because both belong to the load run (the identifier is how a prediction is matched back to the
 * event, the timestamp is the intended send time).
 */
public interface EventStream {

    OutgoingEvent next(String eventId, long timestampMillis);
}
