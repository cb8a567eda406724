package io.streamlearn.load.measure;

/**
 * Event identifiers of one load run: {@code <runTag>-<sequence>}. The sequence number is how a
 * prediction finds its send record; the run tag keeps predictions of earlier runs (on a reused
 * cluster) from being counted.
 */
public record EventIds(String runTag) {

    public EventIds {
        if (runTag.isEmpty() || runTag.contains("-")) {
            throw new IllegalArgumentException("run tag must be non-empty and contain no '-'");
        }
    }

    public String idOf(long sequence) {
        return runTag + '-' + sequence;
    }

    /** The sequence number in an identifier of this run, or -1 for anything else. */
    public long sequenceOf(String id) {
        if (id == null || id.length() <= runTag.length() + 1 || !id.startsWith(runTag)
                || id.charAt(runTag.length()) != '-') {
            return -1;
        }
        long sequence = 0;
        for (int i = runTag.length() + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9' || sequence > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            sequence = sequence * 10 + (c - '0');
        }
        return sequence;
    }
}
