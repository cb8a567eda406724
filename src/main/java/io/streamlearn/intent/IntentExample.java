package io.streamlearn.intent;

/** One labelled message to learn from. */
public record IntentExample(String text, String intent) {
}
