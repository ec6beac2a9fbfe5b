package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.Safeguard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How a task releases its version, as an operator asks for it: type, grayscale audience, advanced rules,
 * a description and a safeguard. {@link #check} returns every broken rule at once.
 */
public record ReleasePlan(ReleaseType releaseType, GrayscaleSpec grayscale, List<AdvancedRule> rules,
                          String description, Safeguard safeguard) {

    public ReleasePlan(ReleaseType releaseType, GrayscaleSpec grayscale, List<AdvancedRule> rules, String description) {
        this(releaseType, grayscale, rules, description, null);
    }

    public static final long MAX_USERS = 10_000_000;
    public static final Duration LONGEST_WINDOW = Duration.ofDays(366);
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_RULES = 50;
    public static final int MAX_WHITELISTS = 20;

    /** @throws InvalidInputException listing every problem */
    public ReleasePlan checked(Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (releaseType == null) {
            errors.add(new FieldError("releaseType", "is required: GRAYSCALE or OFFICIAL"));
        } else if (releaseType == ReleaseType.OFFICIAL) {
            if (grayscale != null) {
                errors.add(new FieldError("grayscale", "is refused on an OFFICIAL task: it reaches every client"));
            }
            if (rules != null && !rules.isEmpty()) {
                errors.add(new FieldError("rules", "are refused on an OFFICIAL task: it reaches every client"));
            }
        } else {
            checkGrayscale(now, errors);
            checkRules(errors);
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (safeguard != null) {
            errors.addAll(safeguard.problems("safeguard"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<AdvancedRule> keptRules = rules == null ? List.of() : List.copyOf(rules);
        GrayscaleSpec keptGrayscale = grayscale == null ? null : switch (grayscale.mode()) {
            case WHITELIST -> GrayscaleSpec.whitelist(List.copyOf(new LinkedHashSet<>(grayscale.whitelistIds())));
            case TIME_WINDOW -> GrayscaleSpec.timeWindow(grayscale.endTime(), grayscale.usersCount());
        };
        // A grayscale release exists to find problems, so it watches for them unless told how; an official
        // one reaches everyone anyway and pauses only when asked to.
        Safeguard keptSafeguard = safeguard == null && releaseType == ReleaseType.GRAYSCALE
                ? Safeguard.GRAYSCALE_DEFAULT : safeguard;
        return new ReleasePlan(releaseType, keptGrayscale, keptRules, description, keptSafeguard);
    }

    private void checkGrayscale(Instant now, List<FieldError> errors) {
        if (grayscale == null || grayscale.mode() == null) {
            errors.add(new FieldError("grayscale.mode", "a GRAYSCALE task needs WHITELIST or TIME_WINDOW"));
            return;
        }
        if (grayscale.mode() == GrayscaleMode.WHITELIST) {
            List<String> ids = grayscale.whitelistIds();
            if (ids == null || ids.isEmpty()) {
                errors.add(new FieldError("grayscale.whitelistIds", "must name at least one whitelist"));
            } else if (ids.size() > MAX_WHITELISTS || ids.stream().anyMatch(id -> id == null || id.isBlank()
                    || id.length() > 64)) {
                errors.add(new FieldError("grayscale.whitelistIds", "must name 1 to " + MAX_WHITELISTS + " whitelist ids"));
            }
            if (grayscale.endTime() != null || grayscale.usersCount() != null) {
                errors.add(new FieldError("grayscale", "endTime and usersCount belong to TIME_WINDOW"));
            }
            return;
        }
        if (grayscale.endTime() == null) {
            errors.add(new FieldError("grayscale.endTime", "is required for TIME_WINDOW"));
        } else if (!grayscale.endTime().isAfter(now)) {
            errors.add(new FieldError("grayscale.endTime", "must be in the future"));
        } else if (grayscale.endTime().isAfter(now.plus(LONGEST_WINDOW))) {
            errors.add(new FieldError("grayscale.endTime", "must be at most a year ahead"));
        }
        if (grayscale.usersCount() == null || grayscale.usersCount() < 1 || grayscale.usersCount() > MAX_USERS) {
            errors.add(new FieldError("grayscale.usersCount", "must be 1 to " + MAX_USERS));
        }
        if (grayscale.whitelistIds() != null) {
            errors.add(new FieldError("grayscale.whitelistIds", "belong to WHITELIST"));
        }
    }

    private void checkRules(List<FieldError> errors) {
        if (rules == null) {
            return;
        }
        if (rules.size() > MAX_RULES) {
            errors.add(new FieldError("rules", "must be at most " + MAX_RULES));
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            errors.addAll(RuleCheck.problems(i, rules.get(i)));
        }
    }
}
