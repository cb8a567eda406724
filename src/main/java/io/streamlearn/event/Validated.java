package io.streamlearn.event;

/** The outcome of validating one input record: either a value of type {@code T} or a rejection. */
public sealed interface Validated<T> {

    record Valid<T>(T value) implements Validated<T> {
    }

    record Invalid<T>(Rejection rejection) implements Validated<T> {
    }

    static <T> Validated<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Validated<T> invalid(RejectReason reason, String detail) {
        return new Invalid<>(new Rejection(reason, detail));
    }
}
