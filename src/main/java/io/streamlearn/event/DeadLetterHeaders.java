package io.streamlearn.event;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;

/** The headers that explain a record on the dead-letter topic; the original key, value and headers are kept. */
public final class DeadLetterHeaders {

    public static final String REASON = "dlq.reason";
    public static final String DETAIL = "dlq.detail";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";

    private DeadLetterHeaders() {
    }

    public static Headers annotate(Headers headers, Rejection rejection, SourcePosition source) {
        put(headers, REASON, rejection.reason().code());
        put(headers, DETAIL, rejection.detail());
        put(headers, SOURCE_TOPIC, source.topic());
        put(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        put(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        return headers;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
