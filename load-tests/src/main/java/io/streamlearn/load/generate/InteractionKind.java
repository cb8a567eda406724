package io.streamlearn.load.generate;

/** The interaction types of the service's contract, with their wire names. */
public enum InteractionKind {
    VIEW("view"), CLICK("click"), ADD_TO_CART("add_to_cart"), PURCHASE("purchase"), RATING("rating");

    private final String wireName;

    InteractionKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The next step down the purchase funnel; a rating is followed by a fresh click. */
    InteractionKind deeper() {
        return switch (this) {
            case VIEW -> CLICK;
            case CLICK -> ADD_TO_CART;
            case ADD_TO_CART, PURCHASE -> PURCHASE;
            case RATING -> CLICK;
        };
    }
}
