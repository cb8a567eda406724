package io.streamlearn.event;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** The kinds of user–item interaction the service accepts on the {@code interactions} topic. */
public enum InteractionType {
    VIEW, CLICK, ADD_TO_CART, PURCHASE, RATING;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static InteractionType fromJson(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown interaction type"));
    }

    public static Optional<InteractionType> fromWireName(String name) {
        for (InteractionType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
