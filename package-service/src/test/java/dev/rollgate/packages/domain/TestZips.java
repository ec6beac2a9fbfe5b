package dev.rollgate.packages.domain;

import dev.rollgate.testing.ZipFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Package zips made in tests: good ones from a map of files, and hostile ones. */
public final class TestZips {

    private TestZips() {
    }

    public static byte[] zip(Map<String, byte[]> files) {
        return ZipFiles.of(files);
    }

    /** A small site: a page naming the version, a script, and {@code assetBytes} of incompressible asset. */
    public static Map<String, byte[]> site(String version, int assetBytes, long seed) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.html", ("<!doctype html><title>" + version + "</title><script src=\"js/app.js\"></script>")
                .getBytes(StandardCharsets.UTF_8));
        files.put("js/app.js", ("console.log('app');\n".repeat(2000) + "// " + version)
                .getBytes(StandardCharsets.UTF_8));
        byte[] asset = new byte[assetBytes];
        new Random(seed).nextBytes(asset);
        files.put("img/photo.bin", asset);
        return files;
    }

    public static byte[] bomb(int unpackedBytes) {
        return zip(Map.of("zeros.bin", new byte[unpackedBytes]));
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
