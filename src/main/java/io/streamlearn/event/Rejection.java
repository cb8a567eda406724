package io.streamlearn.event;

/**
 * A record that cannot be processed. {@code detail} never contains payload text: it names the field
 * and the rule, so it can be logged and sent in headers safely.
 */
public record Rejection(RejectReason reason, String detail) {
}
