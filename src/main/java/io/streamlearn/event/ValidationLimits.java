package io.streamlearn.event;

/**
 * Bounds every input record must respect.
 *
 * @param maxRecordBytes largest accepted record value in bytes
 * @param maxIdLength longest accepted identifier (user, item, event, message) in characters
 * @param maxNestingDepth deepest accepted JSON nesting
 * @param maxTextLength longest accepted support-message text in characters
 */
public record ValidationLimits(int maxRecordBytes, int maxIdLength, int maxNestingDepth, int maxTextLength) {

    public static ValidationLimits defaults() {
        return new ValidationLimits(64 * 1024, 256, 8, 10_000);
    }
}
