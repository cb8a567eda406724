package io.streamlearn.load.run;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines on stdout, so a long run shows where it is. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {
    }

    static void say(String format, Object... args) {
        System.out.println(LocalTime.now().format(TIME) + "  " + String.format(java.util.Locale.ROOT, format, args));
    }
}
