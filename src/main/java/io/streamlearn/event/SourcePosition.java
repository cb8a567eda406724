package io.streamlearn.event;

/** Where a record was read: used to derive stable event ids and to label dead letters. */
public record SourcePosition(String topic, int partition, long offset, long recordTimestamp) {

    public String derivedEventId() {
        return topic + "-" + partition + "-" + offset;
    }
}
