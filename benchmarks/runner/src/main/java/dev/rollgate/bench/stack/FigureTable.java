package dev.rollgate.bench.stack;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the benchmarks print: progress lines with the time of day, then a table of figures and goals. */
final class FigureTable {

    private FigureTable() {
    }

    static void header(String title) {
        System.out.println();
        System.out.println(title + " on " + Machine.describe());
        System.out.printf(Locale.ROOT, "%-72s %12s %s%n", "figure", "value", "goal");
    }

    static void row(String figure, double value, String goal) {
        System.out.printf(Locale.ROOT, "%-72s %12.1f %s%n", figure, value, goal);
    }

    static void ratio(String figure, double value, String goal) {
        System.out.printf(Locale.ROOT, "%-72s %12.2f %s%n", figure, value, goal);
    }

    /** With the time of day, to find a phase in a profile of the gateway taken meanwhile. */
    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "==> " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + format + "%n",
                args);
    }
}
