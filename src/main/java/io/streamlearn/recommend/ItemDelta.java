package io.streamlearn.recommend;

/**
 * What one replica's learning added to one item since it last shared: each array holds the value
 * increments followed by the Adagrad accumulator increments (input and output embeddings: 2 ×
 * dimension; bias: 2), or is null where the replica did not step that part (an item only ever
 * sampled as a candidate never steps its input embedding). The accumulator increments let the
 * merge put every replica's steps on the scale of a single model that saw every event.
 *
 * @param lastSeen event time of the item's latest use in that replica (drives idle eviction everywhere)
 */
public record ItemDelta(String itemId, long lastSeen, float[] input, float[] output, float[] bias) {
}
