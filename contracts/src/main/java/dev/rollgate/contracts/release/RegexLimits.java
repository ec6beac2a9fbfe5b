package dev.rollgate.contracts.release;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * What a {@code REGEX} rule's pattern may cost. RE2 matches in time linear in the value, but the size of its
 * program grows with every counted repetition, multiplied through nesting: {@code ((a{100}){100}){100}} is a
 * million instructions, enough to exhaust a stack or a heap when it is compiled, and to make every client
 * that sends the attribute slow. Release-service refuses such a pattern, and the gateway does not compile
 * one that slipped in; both through {@code EvaluableRule}, which asks here. The estimate reads the pattern's
 * structure without compiling it.
 */
public final class RegexLimits {

    public static final int MAX_LENGTH = 256;
    /** RE2's own largest repetition count. */
    public static final int MAX_REPEAT = 1_000;
    public static final int MAX_NESTING = 10;
    /** Instructions, counted as RE2 would emit them for each repeated copy; a plain 256-character pattern fits. */
    public static final int MAX_PROGRAM = 1_000;

    private RegexLimits() {
    }

    /** Why the pattern is too costly, or empty when it is within the limits (it may still not compile). */
    public static Optional<String> problem(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        return new Estimate(pattern).run();
    }

    /** One pass over the pattern with a stack of open groups, each adding up the size of what it holds. */
    private static final class Estimate {
        private final String pattern;
        private final Deque<long[]> groups = new ArrayDeque<>();
        private int at;

        Estimate(String pattern) {
            this.pattern = pattern;
        }

        /** A group's {total, size of its last atom}. */
        private long[] current() {
            return groups.peek();
        }

        Optional<String> run() {
            groups.push(new long[2]);
            while (at < pattern.length()) {
                char c = pattern.charAt(at);
                Optional<String> problem = switch (c) {
                    case '(' -> open();
                    case ')' -> close();
                    case '|' -> {
                        at++;
                        current()[1] = 0;
                        yield Optional.empty();
                    }
                    case '*', '+', '?' -> {
                        at++;
                        yield lazy();
                    }
                    case '{' -> repeat();
                    case '[' -> atom(skipClass());
                    case '\\' -> atom(skipEscape());
                    default -> atom(at + 1);
                };
                if (problem.isPresent()) {
                    return problem;
                }
                if (current()[0] > MAX_PROGRAM) {
                    return Optional.of("would compile to more than " + MAX_PROGRAM
                            + " instructions (nested or large counted repetitions)");
                }
            }
            return Optional.empty();
        }

        private Optional<String> atom(int next) {
            at = next;
            current()[0] += 1;
            current()[1] = 1;
            return Optional.empty();
        }

        private Optional<String> open() {
            int close = pattern.indexOf(')', at);
            // (?i) and the like only set flags: nothing to hold.
            if (pattern.startsWith("(?", at) && close > at && pattern.substring(at + 2, close).matches("[-imsU]*")) {
                at = close + 1;
                return Optional.empty();
            }
            groups.push(new long[2]);
            if (groups.size() > MAX_NESTING) {
                return Optional.of("nests groups deeper than " + MAX_NESTING);
            }
            at++;
            return Optional.empty();
        }

        private Optional<String> close() {
            at++;
            if (groups.size() == 1) {
                return Optional.empty();
            }
            long size = Math.max(1, groups.pop()[0]);
            current()[0] += size;
            current()[1] = size;
            return Optional.empty();
        }

        /** {@code x*?}, {@code x+?}: the same program as without the question mark. */
        private Optional<String> lazy() {
            if (at < pattern.length() && pattern.charAt(at) == '?') {
                at++;
            }
            return Optional.empty();
        }

        private Optional<String> repeat() {
            int close = pattern.indexOf('}', at);
            String counts = close < 0 ? "" : pattern.substring(at + 1, close);
            if (!counts.matches("\\d{1,9}(,\\d{0,9})?")) {
                // Not a repetition: RE2 reads a lone brace as a literal.
                return atom(at + 1);
            }
            String[] bounds = counts.split(",", -1);
            long min = Long.parseLong(bounds[0]);
            long max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + 1 : Long.parseLong(bounds[1]);
            if (min > MAX_REPEAT || max > MAX_REPEAT) {
                return Optional.of("repeats more than " + MAX_REPEAT + " times");
            }
            long last = current()[1];
            current()[0] += last * (Math.max(max, 1) - 1);
            current()[1] = last * Math.max(max, 1);
            at = close + 1;
            return lazy();
        }

        private int skipEscape() {
            int next = at + 2;
            if (pattern.startsWith("\\Q", at)) {
                int end = pattern.indexOf("\\E", at + 2);
                return end < 0 ? pattern.length() : end + 2;
            }
            if (next <= pattern.length() && (pattern.startsWith("\\p{", at) || pattern.startsWith("\\P{", at)
                    || pattern.startsWith("\\x{", at))) {
                int end = pattern.indexOf('}', at);
                return end < 0 ? pattern.length() : end + 1;
            }
            return Math.min(next, pattern.length());
        }

        private int skipClass() {
            int i = at + 1;
            if (i < pattern.length() && pattern.charAt(i) == '^') {
                i++;
            }
            if (i < pattern.length() && pattern.charAt(i) == ']') {
                i++;
            }
            while (i < pattern.length() && pattern.charAt(i) != ']') {
                if (pattern.charAt(i) == '\\') {
                    i++;
                } else if (pattern.startsWith("[:", i)) {
                    int end = pattern.indexOf(":]", i);
                    i = end < 0 ? i : end + 1;
                }
                i++;
            }
            return Math.min(i + 1, pattern.length());
        }
    }
}
