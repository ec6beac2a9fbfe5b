package dev.rollgate.gateway.resolve;

import com.google.re2j.Pattern;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.RegexLimits;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.ValueType;
import dev.rollgate.contracts.version.Version;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One advanced rule with its operands parsed once, when the ruleset is loaded, so that a client costs only
 * the comparison. A missing attribute is in no list: {@code IN} fails, {@code NOT_IN} holds, every other
 * operator fails; {@code inverted} then flips the result. A value that does not parse never matches.
 */
public final class CompiledRule {

    /** As long as release-service lets a rule value be; a longer client value cannot equal one. */
    private static final int MAX_VALUE = 256;

    private static final Logger LOG = Logger.getLogger(CompiledRule.class);

    private final AdvancedRule rule;
    private final Set<String> listed;
    private final List<String> texts;
    private final List<Pattern> patterns;
    private final Object[] operands;
    /** A rule this gateway cannot evaluate (a pattern past the limits slipped in): it holds for nobody. */
    private final boolean unusable;

    public CompiledRule(AdvancedRule rule) {
        this.rule = rule;
        List<String> values = rule.values() == null ? List.of() : rule.values();
        this.texts = rule.caseInsensitive() ? values.stream().map(CompiledRule::folded).toList() : List.copyOf(values);
        this.listed = new HashSet<>(texts);
        List<Pattern> compiled = List.of();
        boolean failed = false;
        if (rule.operator() == RuleOperator.REGEX) {
            try {
                compiled = values.stream().map(v -> pattern(v, rule.caseInsensitive())).toList();
            } catch (RuntimeException | StackOverflowError e) {
                LOG.warnf("a REGEX rule on %s cannot be evaluated and holds for nobody: %s", rule.type(),
                        e.getMessage());
                failed = true;
            }
        }
        this.patterns = compiled;
        this.unusable = failed;
        this.operands = rule.operator().isComparison()
                ? values.stream().map(v -> parse(rule.effectiveValueType(), v)).toArray()
                : new Object[0];
    }

    /** Within the limits release-service checks, or not compiled at all: compiling a huge one is the harm. */
    private static Pattern pattern(String value, boolean caseInsensitive) {
        RegexLimits.problem(value).ifPresent(problem -> {
            throw new IllegalArgumentException("the pattern " + problem);
        });
        return Pattern.compile(value, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
    }

    public AdvancedRule rule() {
        return rule;
    }

    /** The value this rule reads from the client, as the client sent it (null when absent). */
    public String clientValue(ClientContext client) {
        String value = client.attribute(rule.type(), rule.attribute());
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Never throws: a rule that fails on a value fails closed (the task is not for this client), and the
     * request is answered.
     */
    public boolean test(ClientContext client) {
        if (unusable) {
            return false;
        }
        try {
            return rule.inverted() != holds(clientValue(client));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debugf("a %s rule failed on a client's value and holds for nobody: %s", rule.type(), e);
            return false;
        }
    }

    private boolean holds(String value) {
        if (value == null) {
            return rule.operator() == RuleOperator.NOT_IN;
        }
        return switch (rule.operator()) {
            case IN -> listed.contains(comparable(value));
            case NOT_IN -> !listed.contains(comparable(value));
            case STARTS_WITH -> anyText(value, Kind.PREFIX);
            case ENDS_WITH -> anyText(value, Kind.SUFFIX);
            case CONTAINS -> anyText(value, Kind.INFIX);
            case REGEX -> patterns.stream().anyMatch(p -> p.matcher(value).find());
            case EQ, NEQ, GT, GTE, LT, LTE, BETWEEN -> compares(value);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean compares(String value) {
        Comparable client = (Comparable) parse(rule.effectiveValueType(), value);
        if (client == null || operands.length == 0 || operands[0] == null) {
            return false;
        }
        int first = client.compareTo(operands[0]);
        return switch (rule.operator()) {
            case EQ -> first == 0;
            case NEQ -> first != 0;
            case GT -> first > 0;
            case GTE -> first >= 0;
            case LT -> first < 0;
            case LTE -> first <= 0;
            case BETWEEN -> operands.length == 2 && operands[1] != null && first >= 0
                    && client.compareTo(operands[1]) <= 0;
            default -> false;
        };
    }

    private enum Kind { PREFIX, SUFFIX, INFIX }

    private boolean anyText(String value, Kind kind) {
        String v = comparable(value);
        for (String text : texts) {
            boolean hit = switch (kind) {
                case PREFIX -> v.startsWith(text);
                case SUFFIX -> v.endsWith(text);
                case INFIX -> v.contains(text);
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private String comparable(String value) {
        return rule.caseInsensitive() ? folded(value) : value;
    }

    private static String folded(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * The value as the type compares it, or null when it does not parse. Blanks around a number or an
     * instant do not count, as release-service's validation (RuleCheck) reads them; a version has none.
     */
    static Object parse(ValueType type, String value) {
        return switch (type) {
            case VERSION -> Version.parseOrNull(value);
            case NUMBER -> number(value.strip());
            case DATE -> instant(value.strip());
        };
    }

    private static BigDecimal number(String value) {
        if (value.length() > MAX_VALUE) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String value) {
        if (value.length() > MAX_VALUE) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
