package io.streamlearn.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A bounded, class-balanced reservoir of past labelled messages, replayed into every mini-batch so
 * that learning a new intent does not overwrite the others (class-incremental streams forget
 * otherwise: one step per message in arrival order drops CLINC150 accuracy to about 67 %).
 *
 * <p>While there is room every message is kept. When full, a message of an intent with fewer
 * examples in the buffer than the largest one replaces a random example of the largest; a message
 * of an intent that already holds the most is kept with probability (its share / messages seen of
 * that intent), i.e. reservoir sampling within the intent. So every intent keeps about
 * capacity / intents examples, a uniform sample of its history, however skewed the stream is.
 *
 * <p>Messages are kept as hashed feature ids, not text: customer text does not live on in the model.
 */
final class RehearsalBuffer {

    /** Feature occurrences kept per message: bounds a slot's size for very long texts. */
    static final int MAX_OCCURRENCES = 512;

    record Example(int label, int[] occurrences) {
    }

    private final Example[] slots;
    private final Map<Integer, List<Integer>> slotsByLabel = new HashMap<>();
    private int filled;

    RehearsalBuffer(int capacity) {
        this.slots = new Example[capacity];
    }

    int size() {
        return filled;
    }

    Example slot(int index) {
        return slots[index];
    }

    /**
     * Offers one labelled message.
     *
     * @param seenOfLabel labelled messages of this intent so far, this one included
     * @return the slot it went into, or -1 when it was not kept
     */
    int offer(int label, int[] occurrences, long seenOfLabel, SplittableRandom random) {
        if (slots.length == 0) {
            return -1;
        }
        int[] kept = occurrences.length > MAX_OCCURRENCES
                ? java.util.Arrays.copyOf(occurrences, MAX_OCCURRENCES) : occurrences;
        if (filled < slots.length) {
            put(filled, new Example(label, kept));
            filled++;
            return filled - 1;
        }
        int own = slotsOf(label).size();
        int largest = largestLabel();
        if (own < slotsOf(largest).size()) {
            return replaceRandom(largest, new Example(label, kept), random);
        }
        if (random.nextDouble() * seenOfLabel < own) {
            return replaceRandom(label, new Example(label, kept), random);
        }
        return -1;
    }

    /** {@code count} examples drawn uniformly with replacement (empty when the buffer is). */
    List<Example> sample(int count, SplittableRandom random) {
        List<Example> drawn = new ArrayList<>(count);
        for (int i = 0; i < count && filled > 0; i++) {
            drawn.add(slots[random.nextInt(filled)]);
        }
        return drawn;
    }

    /** Puts an example into a slot (restore). */
    void restore(int slot, Example example) {
        put(slot, example);
        filled = Math.max(filled, slot + 1);
    }

    private int replaceRandom(int victimLabel, Example example, SplittableRandom random) {
        List<Integer> victims = slotsOf(victimLabel);
        int slot = victims.get(random.nextInt(victims.size()));
        put(slot, example);
        return slot;
    }

    private void put(int slot, Example example) {
        Example previous = slots[slot];
        if (previous != null) {
            slotsOf(previous.label()).remove(Integer.valueOf(slot));
        }
        slots[slot] = example;
        slotsByLabel.computeIfAbsent(example.label(), l -> new ArrayList<>()).add(slot);
    }

    private List<Integer> slotsOf(int label) {
        return slotsByLabel.getOrDefault(label, List.of());
    }

    private int largestLabel() {
        int largest = -1;
        int most = -1;
        for (Map.Entry<Integer, List<Integer>> entry : slotsByLabel.entrySet()) {
            int count = entry.getValue().size();
            if (count > most || (count == most && entry.getKey() < largest)) {
                most = count;
                largest = entry.getKey();
            }
        }
        return largest;
    }
}
