package io.streamlearn.load.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class InteractionGeneratorTest {

    private static final InteractionProfile SMALL = new InteractionProfile(1000, 500, 5000, 1.0, 10, 0.7, 50, 8.0,
            0.05, 50);

    @Test
    void sameSeedGivesTheSameStream() {
        assertThat(encoded(new InteractionGenerator(SMALL, 42), 2000))
                .isEqualTo(encoded(new InteractionGenerator(SMALL, 42), 2000));
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        assertThat(encoded(new InteractionGenerator(SMALL, 1), 100))
                .isNotEqualTo(encoded(new InteractionGenerator(SMALL, 2), 100));
    }

    @Test
    void popularItemsDominateAsUnderZipf() {
        InteractionGenerator generator = new InteractionGenerator(SMALL, 3);
        Map<String, Integer> perItem = new HashMap<>();
        int events = 50_000;
        for (int i = 0; i < events; i++) {
            perItem.merge(generator.nextInteraction().itemId(), 1, Integer::sum);
        }
        List<Integer> counts = new ArrayList<>(perItem.values());
        counts.sort((a, b) -> b - a);
        int topOnePercent = counts.subList(0, Math.max(1, perItem.size() / 100)).stream().mapToInt(i -> i).sum();
        assertThat((double) topOnePercent / events).isGreaterThan(0.2);
    }

    @Test
    void newItemsAndNewUsersAppearOverTime() {
        InteractionGenerator generator = new InteractionGenerator(SMALL, 4);
        Set<String> users = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            users.add(generator.nextInteraction().userId());
        }
        assertThat(generator.catalogueSize()).isGreaterThan(SMALL.initialItems());
        assertThat(generator.usersSeen()).isGreaterThan(SMALL.initialUsers());
        assertThat(users).anyMatch(user -> Integer.parseInt(user.substring(1)) >= SMALL.initialUsers());
    }

    @Test
    void catalogueStopsGrowingAtTwiceItsInitialSize() {
        InteractionProfile profile = InteractionProfile.sized(1000, 100);
        InteractionGenerator generator = new InteractionGenerator(profile, 7);
        for (int i = 0; i < 2_500; i++) {
            generator.nextInteraction();
        }
        assertThat(generator.catalogueSize()).isBetween(140, 160);
        for (int i = 0; i < 20_000; i++) {
            generator.nextInteraction();
        }
        assertThat(generator.catalogueSize()).isEqualTo(200);
    }

    @Test
    void isSteadyExactlyWhenTheCatalogueHasStoppedGrowing() {
        InteractionGenerator generator = new InteractionGenerator(InteractionProfile.sized(1000, 100), 8);
        int drawn = 0;
        while (!generator.steady()) {
            assertThat(generator.catalogueSize()).isLessThan(200);
            generator.nextInteraction();
            drawn++;
        }

        assertThat(generator.catalogueSize()).isEqualTo(200);
        assertThat(drawn).as("one item every 50 events, 100 items to add").isEqualTo(100 * 50 + 1);
    }

    @Test
    void usersComeBackInSessionsOfSeveralEvents() {
        InteractionGenerator generator = new InteractionGenerator(SMALL, 5);
        Map<String, Integer> perUser = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            perUser.merge(generator.nextInteraction().userId(), 1, Integer::sum);
        }
        double eventsPerUser = 10_000.0 / perUser.size();
        assertThat(eventsPerUser).isGreaterThan(3);
    }

    @Test
    void encodesTheServiceContract() throws Exception {
        InteractionGenerator generator = new InteractionGenerator(SMALL, 6);
        ObjectMapper json = new ObjectMapper();
        Set<String> types = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            OutgoingEvent event = generator.next("run-" + i, 1_700_000_000_000L + i);
            JsonNode node = json.readTree(event.value());
            assertThat(node.get("eventId").asText()).isEqualTo("run-" + i);
            assertThat(node.get("userId").asText()).isEqualTo(event.key());
            assertThat(node.get("itemId").asText()).startsWith("i");
            assertThat(node.get("timestamp").asLong()).isEqualTo(1_700_000_000_000L + i);
            String type = node.get("type").asText();
            types.add(type);
            if (type.equals("rating")) {
                assertThat(node.get("value").asDouble()).isBetween(1.0, 5.0);
            }
        }
        assertThat(types).containsExactlyInAnyOrder("view", "click", "add_to_cart", "purchase", "rating");
    }

    private static List<String> encoded(InteractionGenerator generator, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OutgoingEvent event = generator.next("e" + i, i);
            out.add(event.key() + "|" + new String(event.value(), StandardCharsets.UTF_8));
        }
        return out;
    }
}
