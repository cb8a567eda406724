package io.streamlearn.intent;

/** What the intent model is asked: the text of one customer message. */
public record IntentQuery(String text) {
}
