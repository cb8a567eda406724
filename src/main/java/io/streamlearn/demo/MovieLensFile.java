package io.streamlearn.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import io.streamlearn.event.Interaction;
import io.streamlearn.event.InteractionType;

/**
 * A MovieLens-format ratings file ({@code userId,movieId,rating,timestamp} with a header line) as
 * rating interactions in timestamp order; file order breaks ties. Event ids are {@code ml-<n>}.
 */
final class MovieLensFile {

    private MovieLensFile() {
    }

    static Iterator<Interaction> inTimeOrder(Path csv) throws IOException {
        List<String[]> rows;
        try (Stream<String> lines = Files.lines(csv)) {
            rows = lines.skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",")).toList();
        }
        List<String[]> sorted = rows.stream().sorted(Comparator.comparingLong(f -> Long.parseLong(f[3].trim()))).toList();
        Iterator<String[]> fields = sorted.iterator();
        return new Iterator<>() {
            private long sequence;

            @Override
            public boolean hasNext() {
                return fields.hasNext();
            }

            @Override
            public Interaction next() {
                String[] f = fields.next();
                return new Interaction("ml-" + sequence++, f[0], f[1], InteractionType.RATING,
                        Double.parseDouble(f[2]), Long.parseLong(f[3].trim()) * 1000);
            }
        };
    }
}
