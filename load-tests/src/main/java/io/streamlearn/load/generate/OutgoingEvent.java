package io.streamlearn.load.generate;

/** One record ready to produce: its Kafka key and JSON value. */
public record OutgoingEvent(String key, byte[] value) {
}
