package io.streamlearn.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A support message kept for feedback: its text, when it arrived (record time) and the intent that
 * was published for it. After the retention the text is dropped and only this marker (text null)
 * stays a while longer, so that late feedback is told "expired" rather than "unknown".
 */
record ArchivedMessage(String text, long receivedAt, String answeredIntent) {

    @JsonIgnore
    boolean isExpired() {
        return text == null;
    }

    ArchivedMessage expired() {
        return new ArchivedMessage(null, receivedAt, answeredIntent);
    }
}
