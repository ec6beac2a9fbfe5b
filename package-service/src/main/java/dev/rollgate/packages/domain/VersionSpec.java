package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.version.InvalidVersionException;
import dev.rollgate.contracts.version.Version;

import java.util.ArrayList;
import java.util.Comparator;
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

    /** Problems are listed in the order of the request's fields, the file's among them. */
    private static final List<String> FIELDS = List.of("version", "clientVersionMin", "clientVersionMax",
            "downloadUrl", "mainUrl", "fallbackBaseUrl", "sha256", "sizeBytes");
    private static final Comparator<FieldError> FIELD_ORDER = Comparator.comparingInt(e -> FIELDS.indexOf(e.field()));

    /** A version registered with an external file: every field, the file's address, hash and size among them. */
    public static VersionSpec from(VersionDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        WebAddress.problemWithAbsolute(draft.downloadUrl())
                .ifPresent(problem -> errors.add(new FieldError("downloadUrl", problem)));
        if (!draft.sha256().matches("[0-9a-fA-F]{64}")) {
            errors.add(new FieldError("sha256", "must be 64 hexadecimal characters"));
        }
        if (draft.sizeBytes() <= 0) {
            errors.add(new FieldError("sizeBytes", "must be greater than 0"));
        }
        return fields(draft, errors).withFile(draft.downloadUrl(), draft.sha256().toLowerCase(Locale.ROOT),
                draft.sizeBytes());
    }

    /**
     * A version uploaded with its file: the fields the operator gave, without a file yet (the server stores it,
     * then {@link #withFile} names it).
     */
    public static VersionSpec withoutFile(VersionDraft draft) {
        return fields(draft, new ArrayList<>());
    }

    private static VersionSpec fields(VersionDraft draft, List<FieldError> errors) {
        Version version = parse("version", draft.version(), errors);
        Version min = parse("clientVersionMin", draft.clientVersionMin(), errors);
        Version max = draft.clientVersionMax() == null ? null : parse("clientVersionMax", draft.clientVersionMax(), errors);
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(new FieldError("clientVersionMax", "must not be lower than clientVersionMin " + min));
        }
        if (draft.mainUrl() != null) {
            WebAddress.problemWithPathOrAbsolute(draft.mainUrl())
                    .ifPresent(problem -> errors.add(new FieldError("mainUrl", problem)));
        }
        if (draft.fallbackBaseUrl() != null) {
            WebAddress.problemWithAbsolute(draft.fallbackBaseUrl())
                    .ifPresent(problem -> errors.add(new FieldError("fallbackBaseUrl", problem)));
        }
        if (!errors.isEmpty()) {
            errors.sort(FIELD_ORDER);
            throw new InvalidInputException(errors);
        }
        return new VersionSpec(version, draft.platform(), min, max, null, null, 0, draft.mainUrl(),
                draft.fallbackBaseUrl());
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
