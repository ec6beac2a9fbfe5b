package dev.rollgate.contracts.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegexLimitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"^beta-\\d{3}$", "[a-z]{2,10}@example\\.com", "(?i)^(hangzhou|shanghai)$",
        "^10\\.(2|3)\\.\\d+$", "a{1000}", "(ab){400}", "\\p{Han}+", "[[:alpha:]]{1,50}", "\\Q{1000}{1000}\\E",
        "x{", "(?:ab|cd)*?e+?", ".*"})
    void ordinaryPatternsAreWithinTheLimits(String pattern) {
        assertThat(RegexLimits.problem(pattern)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?:(?:.*){1000}){1000}", "((a{100}){100}){100}", "(a{50}){50}", "a{1001}",
        "(((((((((((a)))))))))))", "(x{999}){2}", "[ab]{1000}[cd]{1000}"})
    void patternsThatWouldCompileHugeAreRefused(String pattern) {
        assertThat(RegexLimits.problem(pattern)).isPresent();
    }

    @Test
    void aPatternOverTheLengthLimitIsRefused() {
        assertThat(RegexLimits.problem("a".repeat(257))).contains("is longer than 256 characters");
    }
}
