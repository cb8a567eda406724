package io.streamlearn.api;

/** The body of every error response. */
public record ApiError(String error) {
}
