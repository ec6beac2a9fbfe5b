package dev.rollgate.packages.domain;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a package, sorted by path, and their content digest: the SHA-256 of one line
 * {@code <path>\t<sha256>\n} per file. The digest names the unpacked content whatever tool made the zip, which
 * is what a device that built the version from a diff can check.
 */
public record PackageContents(List<PackageFile> files, String contentSha256) {

    public static PackageContents of(List<PackageFile> files) {
        List<PackageFile> sorted = files.stream().sorted(Comparator.comparing(PackageFile::path)).toList();
        var digest = Sha256.digest();
        for (PackageFile file : sorted) {
            digest.update((file.path() + "\t" + file.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new PackageContents(sorted, HexFormat.of().formatHex(digest.digest()));
    }

    public Map<String, PackageFile> byPath() {
        Map<String, PackageFile> byPath = new LinkedHashMap<>();
        files.forEach(file -> byPath.put(file.path(), file));
        return byPath;
    }

    public boolean has(String path) {
        return files.stream().anyMatch(file -> file.path().equals(path));
    }
}
