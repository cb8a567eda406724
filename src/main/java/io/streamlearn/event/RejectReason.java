package io.streamlearn.event;

/** Why a record went to the dead-letter topic; the code is the value of the {@code dlq.reason} header. */
public enum RejectReason {
    EMPTY_VALUE,
    RECORD_TOO_LARGE,
    INVALID_UTF8,
    MALFORMED_JSON,
    NESTING_TOO_DEEP,
    NOT_AN_OBJECT,
    MISSING_FIELD,
    WRONG_TYPE,
    UNKNOWN_TYPE,
    EMPTY_ID,
    ID_TOO_LONG,
    NON_FINITE_NUMBER,
    TEXT_TOO_LONG,
    EMPTY_TEXT,
    UNKNOWN_MESSAGE,
    EXPIRED_MESSAGE,
    DUPLICATE_MESSAGE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
