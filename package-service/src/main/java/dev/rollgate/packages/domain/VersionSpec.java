package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.version.InvalidVersionException;
import dev.rollgate.contracts.version.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A version that passed every rule that needs no stored state: parseable versions, a client-version range
 * with min ≤ max, fetchable addresses, a SHA-256 digest. Versions are kept in their canonical text.
 */
public record VersionSpec(
        Version version,
        Platform platform,
        Version clientVersionMin,
        Version clientVersionMax,
        String downloadUrl,
        String sha256,
        long sizeBytes,
        String mainUrl,
        String fallbackBaseUrl) {

    public static VersionSpec from(VersionDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        Version version = parse("version", draft.version(), errors);
        Version min = parse("clientVersionMin", draft.clientVersionMin(), errors);
        Version max = draft.clientVersionMax() == null ? null : parse("clientVersionMax", draft.clientVersionMax(), errors);
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(new FieldError("clientVersionMax", "must not be lower than clientVersionMin " + min));
        }
        WebAddress.problemWithAbsolute(draft.downloadUrl())
                .ifPresent(problem -> errors.add(new FieldError("downloadUrl", problem)));
        if (draft.mainUrl() != null) {
            WebAddress.problemWithPathOrAbsolute(draft.mainUrl())
                    .ifPresent(problem -> errors.add(new FieldError("mainUrl", problem)));
        }
        if (draft.fallbackBaseUrl() != null) {
            WebAddress.problemWithAbsolute(draft.fallbackBaseUrl())
                    .ifPresent(problem -> errors.add(new FieldError("fallbackBaseUrl", problem)));
        }
        if (!draft.sha256().matches("[0-9a-fA-F]{64}")) {
            errors.add(new FieldError("sha256", "must be 64 hexadecimal characters"));
        }
        if (draft.sizeBytes() <= 0) {
            errors.add(new FieldError("sizeBytes", "must be greater than 0"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new VersionSpec(version, draft.platform(), min, max, draft.downloadUrl(),
                draft.sha256().toLowerCase(Locale.ROOT), draft.sizeBytes(), draft.mainUrl(), draft.fallbackBaseUrl());
    }

    /** The same version with the file the server received: its address in the store, its hash and size. */
    public VersionSpec withFile(String storedUrl, String storedSha256, long storedSize) {
        return new VersionSpec(version, platform, clientVersionMin, clientVersionMax, storedUrl, storedSha256,
                storedSize, mainUrl, fallbackBaseUrl);
    }

    private static Version parse(String field, String text, List<FieldError> errors) {
        try {
            return Version.parse(text);
        } catch (InvalidVersionException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
