package dev.rollgate.packages.service;

import java.util.List;

/**
 * What an upload put in the object store before its version is recorded: the package and its diffs. The
 * version's row names these keys only once they exist.
 */
public record StoredFile(String objectKey, String downloadUrl, String sha256, long sizeBytes, String contentSha256,
                         List<StoredDiff> diffs) {

    public record StoredDiff(String fromVersion, String objectKey, String downloadUrl, String sha256, long sizeBytes) {
    }

    public List<String> objectKeys() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(objectKey),
                diffs.stream().map(StoredDiff::objectKey)).toList();
    }
}
