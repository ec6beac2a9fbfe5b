package dev.rollgate.contracts.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.contracts.json.ContractsJson;

import java.io.IOException;

/** Writes rulesets deterministically (a rebuild gives the same bytes) and reads them with a format check. */
public final class RulesetJson {

    private static final ObjectMapper MAPPER = ContractsJson.mapper();

    private RulesetJson() {
    }

    public static String write(Ruleset ruleset) {
        try {
            return MAPPER.writeValueAsString(ruleset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ruleset could not be written as JSON", e);
        }
    }

    /** @throws UnreadableRulesetException for bad JSON or a format newer than {@link Ruleset#FORMAT_VERSION} */
    public static Ruleset read(String json) throws UnreadableRulesetException {
        Ruleset ruleset;
        try {
            ruleset = MAPPER.readValue(json, Ruleset.class);
        } catch (IOException e) {
            throw new UnreadableRulesetException("not a ruleset: " + e.getMessage(), e);
        }
        if (ruleset.formatVersion() > Ruleset.FORMAT_VERSION) {
            throw new UnreadableRulesetException("ruleset format " + ruleset.formatVersion()
                    + " is newer than " + Ruleset.FORMAT_VERSION + ", the newest this reader knows", null);
        }
        return ruleset;
    }
}
