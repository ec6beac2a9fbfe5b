package dev.rollgate.gateway.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.ValueType;
import dev.rollgate.gateway.audience.SlotState;

import java.time.Instant;
import java.util.List;

/** What a client would get, per package, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationReport(String appKey, String platform, long revision, Instant evaluatedAt,
                               List<PackageReport> packages) {

    /**
     * @param tasks  every active task of the package, highest version first, with how it fared
     * @param chosen the version the client gets, or null when it gets none
     * @param reason why that version (or none)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PackageReport(String packageId, List<TaskReport> tasks, String baseline, Chosen chosen,
                                String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chosen(String version, ReleaseType releaseType, String taskId) {
    }

    /**
     * @param outcome MATCHED, or why not: PAUSED, CLIENT_VERSION_OUT_OF_RANGE, RULE_FAILED, NOT_IN_WHITELIST,
     *                NO_SLOT, WINDOW_ENDED, NO_IDENTITY, or NOT_REACHED when a higher task matched first
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskReport(String taskId, String version, ReleaseType releaseType, boolean paused,
                             boolean clientVersionFits, List<RuleReport> rules, AudienceReport audience,
                             String outcome) {
    }

    /** @param clientValue what the client sent for the rule's attribute; null when it sent nothing */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleReport(RuleType type, String attribute, RuleOperator operator, List<String> values,
                             boolean inverted, boolean caseInsensitive, ValueType valueType, String clientValue,
                             boolean passed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AudienceReport(GrayscaleMode mode, List<WhitelistCheck> whitelists, Instant endTime,
                                 Long usersCount, SlotState slot) {
    }

    /** @param member null when the client sent no id of the whitelist's type */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WhitelistCheck(String whitelistId, IdType idType, String clientId, Boolean member) {
    }
}
