package io.streamlearn.topology;

/** A raw input record after validation: accepted as a {@code T}, or rejected with its original bytes. */
sealed interface Intake<T> {

    record Accepted<T>(T value) implements Intake<T> {
    }

    record Rejected<T>(byte[] rawValue) implements Intake<T> {
    }
}
