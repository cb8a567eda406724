package io.streamlearn.load.profile;

/** A method (or thread) and its share of the execution samples. */
public record HotSpot(String name, long samples, double percent) {
}
