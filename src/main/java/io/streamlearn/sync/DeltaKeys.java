package io.streamlearn.sync;

/**
 * Key layout of the sync archive (a global store, identical in every instance). Sequences and parts
 * are zero-padded so that byte order is numeric order.
 *
 * <pre>delta/&lt;source&gt;/&lt;sequence&gt;/&lt;part&gt;  one part of a publication
 * head/&lt;source&gt;                    the source's latest publication with every part archived</pre>
 *
 * A source is the publishing task's model and partition, e.g. {@code recommend/3}: a task keeps its
 * source (and its sequence numbers, in its checkpoint) when it moves to another instance.
 */
final class DeltaKeys {

    static final String HEADS_FROM = "head/";
    /** '0' follows '/': every head key sorts below this. */
    static final String HEADS_TO = "head0";
    private static final String HEAD = "head/";

    private DeltaKeys() {
    }

    static String part(String source, long sequence, int part) {
        return String.format("delta/%s/%019d/%05d", source, sequence, part);
    }

    static String head(String source) {
        return HEAD + source;
    }

    static String sourceOfHead(String key) {
        return key.substring(HEAD.length());
    }
}
