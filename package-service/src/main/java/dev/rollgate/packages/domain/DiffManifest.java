package dev.rollgate.packages.domain;

import java.util.List;

/**
 * The first entry of a diff package ({@code rollgate-diff.json}): the whole new content, file by file, and
 * where each file's bytes come from.
 */
public record DiffManifest(int format, String packageId, String fromVersion, String toVersion,
                           String fromContentSha256, String toContentSha256, List<Entry> files) {

    public static final String NAME = "rollgate-diff.json";
    public static final int FORMAT = 1;

    /** Where a file's bytes come from: the installed file as is, patched, or the diff's own entry. */
    public enum Source { SAME, PATCH, ADD }

    public record Entry(String path, String sha256, long size, Source source) {
    }
}
