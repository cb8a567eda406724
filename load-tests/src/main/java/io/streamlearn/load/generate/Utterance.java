package io.streamlearn.load.generate;

/** A labelled customer message from a public intent dataset. */
public record Utterance(String text, String intent) {
}
