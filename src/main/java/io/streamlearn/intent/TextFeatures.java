package io.streamlearn.intent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns any Unicode text into hashed feature buckets: words, word bigrams and character n-grams of
 * each word, all hashed into one bounded table. There is no vocabulary to build or grow: an unseen
 * word still shares character n-grams with known ones ("refund" / "refunded"), and scripts without
 * spaces between words (Chinese, Japanese, Thai) are covered by the character n-grams of their runs.
 *
 * <p>Normalisation: NFKC (full-width and compatibility forms fold to one spelling), lower case, and
 * every decimal digit becomes {@code 0}, so "order 12345" and "order 67890" look alike to the model.
 */
public final class TextFeatures {

    /** Words longer than this contribute only their first characters' n-grams: bounds the cost of junk. */
    static final int MAX_WORD_CODE_POINTS = 40;

    private static final int WORD = 0x57;
    private static final int BIGRAM = 0x42;
    private static final int CHARS = 0x43;

    private final FeatureSettings settings;

    public TextFeatures(FeatureSettings settings) {
        this.settings = settings;
    }

    /** The message's feature occurrences (a multiset of bucket ids, in text order). */
    public int[] occurrences(String text) {
        List<String> words = words(text);
        IntList out = new IntList(words.size() * 8);
        String previous = null;
        for (String word : words) {
            out.add(bucket(WORD, word));
            if (previous != null && settings.wordBigrams()) {
                out.add(bucket(BIGRAM, previous + ' ' + word));
            }
            addCharacterNgrams(word, out);
            previous = word;
        }
        return out.toArray();
    }

    FeatureVector vector(String text) {
        return FeatureVector.fromOccurrences(occurrences(text));
    }

    /** Normalised words: maximal runs of letters, combining marks and digits. */
    static List<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        normal.codePoints().forEach(cp -> {
            if (Character.isLetter(cp) || isMark(cp)) {
                word.appendCodePoint(cp);
            } else if (Character.isDigit(cp)) {
                word.append('0');
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private void addCharacterNgrams(String word, IntList out) {
        int[] cps = ("<" + word + ">").codePoints().limit(MAX_WORD_CODE_POINTS + 2L).toArray();
        for (int n = settings.charNgramMin(); n <= settings.charNgramMax(); n++) {
            // A word no longer than n is already a feature of its own; its padded form adds nothing.
            for (int start = 0; start + n <= cps.length && cps.length > n; start++) {
                out.add(bucket(CHARS, new String(cps, start, n)));
            }
        }
    }

    private int bucket(int kind, String token) {
        return Math.floorMod(hash(kind, token, settings.hashSeed()), settings.buckets());
    }

    /** 64-bit FNV-1a over the UTF-16 units, salted by the feature kind, then finalised (murmur3 fmix64). */
    static long hash(int kind, String token, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        h = (h ^ kind) * 0x100000001b3L;
        for (int i = 0; i < token.length(); i++) {
            h = (h ^ token.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Growable int array: feature extraction runs per message and boxing would dominate it. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(capacity, 8)];
        }

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
