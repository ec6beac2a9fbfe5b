package dev.rollgate.system;

import dev.rollgate.testing.ZipFiles;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Package files made in the test: real zips, good or hostile. */
final class Zips {

    private Zips() {
    }

    static byte[] of(Map<String, String> entries) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        entries.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return ZipFiles.of(files);
    }

    /** A page and an asset, the asset {@code size} bytes of text that does not compress much. */
    static byte[] page(String title, int size) {
        StringBuilder asset = new StringBuilder(size);
        long seed = title.hashCode();
        while (asset.length() < size) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            asset.append(Long.toHexString(seed));
        }
        return of(Map.of("index.html", "<html><title>" + title + "</title></html>",
                "assets/app.js", asset.substring(0, size)));
    }

    /** An entry that would be written beside the package, not in it. */
    static byte[] slipping() {
        return of(Map.of("index.html", "<html></html>", "../escaped.txt", "outside"));
    }

    /** Small on the wire, megabytes once unpacked. */
    static byte[] bomb(int unpackedBytes) {
        return of(Map.of("index.html", "<html></html>", "zeros.bin", "0".repeat(unpackedBytes)));
    }
}
