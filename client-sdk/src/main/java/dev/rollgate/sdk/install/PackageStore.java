package dev.rollgate.sdk.install;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packages on the device, under one folder:
 * <pre>
 *   installed.json            which version of each package is in use, and which is kept for going back
 *   packages/ID/VERSION/      an unpacked version: content/ and main.json (its main and fallback URLs)
 *   staging/                  versions being unpacked
 *   downloads/                package files, whole or partial
 * </pre>
 * A version is unpacked into {@code staging}, renamed into {@code packages}, and only then named in
 * {@code installed.json}, which is itself replaced by a rename. A crash at any moment leaves the old version
 * or the new one in use, never a mix; {@link #recover()} at the next start removes what no state names.
 */
public final class PackageStore {

    private static final Gson GSON = new Gson();

    private final Path root;
    private final Map<String, Installed> installed = new LinkedHashMap<>();

    public PackageStore(Path root) {
        this.root = root;
    }

    /** Reads the state and removes what an interrupted install or switch left; call once at start. */
    public synchronized void recover() throws IOException {
        Files.createDirectories(root.resolve("packages"));
        Files.createDirectories(root.resolve("downloads"));
        deleteTree(root.resolve("staging"));
        Files.createDirectories(root.resolve("staging"));
        installed.clear();
        Path state = root.resolve("installed.json");
        if (Files.exists(state)) {
            try (Reader reader = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
                JsonObject json = JsonParser.parseReader(reader).getAsJsonObject();
                for (String id : json.keySet()) {
                    JsonObject pkg = json.getAsJsonObject(id);
                    installed.put(id, new Installed(text(pkg, "current"), text(pkg, "previous")));
                }
            }
        }
        try (DirectoryStream<Path> packages = Files.newDirectoryStream(root.resolve("packages"))) {
            for (Path pkg : packages) {
                String id = pkg.getFileName().toString();
                for (Path version : list(pkg)) {
                    if (!isKept(id, version.getFileName().toString())) {
                        deleteTree(version);
                    }
                }
            }
        }
    }

    public synchronized Installed installed(String packageId) {
        return installed.get(packageId);
    }

    public synchronized Map<String, Installed> all() {
        return new LinkedHashMap<>(installed);
    }

    /** The content folder of the version in use, or null when none is. */
    public synchronized Path folderInUse(String packageId) {
        Installed pkg = installed.get(packageId);
        return pkg == null || pkg.current == null ? null : versionFolder(packageId, pkg.current).resolve("content");
    }

    /** The main URL the version in use was released with, or null. */
    public synchronized String mainUrlInUse(String packageId) throws IOException {
        Installed pkg = installed.get(packageId);
        if (pkg == null || pkg.current == null) {
            return null;
        }
        Path main = versionFolder(packageId, pkg.current).resolve("main.json");
        if (!Files.exists(main)) {
            return null;
        }
        try (Reader reader = Files.newBufferedReader(main, StandardCharsets.UTF_8)) {
            return text(JsonParser.parseReader(reader).getAsJsonObject(), "mainUrl");
        }
    }

    public Path partialDownload(String packageId, String version) {
        return root.resolve("downloads").resolve(packageId + "-" + version + ".zip.part");
    }

    /** Where a diff from the version in use to {@code version} is downloaded to. */
    public Path partialDiffDownload(String packageId, String fromVersion, String version) {
        return root.resolve("downloads").resolve(packageId + "-" + fromVersion + "-to-" + version + ".diff.part");
    }

    /** Writes a version's content into the (empty) folder it is given; an IOException fails as {@code STORAGE}. */
    public interface Unpacker {
        void unpackInto(Path content) throws InstallException, IOException;
    }

    /** Unpacks a verified package beside the one in use and switches to it; the one in use is kept. */
    public void install(String packageId, String version, String mainUrl, Path zip, SafeUnzip unzip)
            throws InstallException {
        try {
            installUnpacked(packageId, version, mainUrl, content -> unzip.unpack(zip, content));
        } finally {
            // Verified or not, a package file is not kept once tried: the next attempt downloads it again.
            deleteTreeQuietly(zip);
        }
    }

    /**
     * Installs content the caller writes (a version built from a diff) as {@link #install} does a package: it
     * is written into a staging folder, renamed beside the version in use, and only then named in
     * {@code installed.json}; a crash before that leaves the version in use, and {@link #recover()} removes
     * the staging folder. The version in use is kept.
     */
    public void installUnpacked(String packageId, String version, String mainUrl, Unpacker unpacker)
            throws InstallException {
        Path staging = root.resolve("staging").resolve(packageId + "-" + version + "-" + System.nanoTime());
        try {
            Files.createDirectories(staging.resolve("content"));
            unpacker.unpackInto(staging.resolve("content"));
            JsonObject main = new JsonObject();
            main.addProperty("mainUrl", mainUrl);
            try (Writer writer = Files.newBufferedWriter(staging.resolve("main.json"), StandardCharsets.UTF_8)) {
                GSON.toJson(main, writer);
            }
            synchronized (this) {
                Path target = versionFolder(packageId, version);
                deleteTree(target);
                Files.createDirectories(target.getParent());
                move(staging, target);
                Installed before = installed.get(packageId);
                String keep = before == null ? null : before.current != null ? before.current : before.previous;
                use(packageId, new Installed(version, version.equals(keep) ? null : keep));
            }
        } catch (IOException e) {
            throw new InstallException("STORAGE", "could not switch to " + packageId + " " + version + ": "
                    + e.getMessage(), e);
        } finally {
            deleteTreeQuietly(staging);
        }
    }

    /** Back to the kept version (a release was cancelled or paused); false when none is kept. */
    public synchronized boolean switchToKept(String packageId, String version) throws IOException {
        Installed pkg = installed.get(packageId);
        if (pkg == null || !version.equals(pkg.previous) || !Files.isDirectory(versionFolder(packageId, version))) {
            return false;
        }
        use(packageId, new Installed(version, pkg.current));
        return true;
    }

    /** No version in use: the container loads the online page; the last one in use is kept. */
    public synchronized void fallBackOnline(String packageId) throws IOException {
        Installed pkg = installed.get(packageId);
        if (pkg != null && pkg.current != null) {
            use(packageId, new Installed(null, pkg.current));
        }
    }

    /**
     * Frees room past {@code capBytes}: first the kept versions, then the packages the last answer does not
     * name, largest first. The versions in use of named packages are never removed.
     *
     * @return the versions removed, as "ID VERSION"
     */
    public synchronized List<String> evict(long capBytes, Set<String> named) throws IOException {
        List<String> removed = new ArrayList<>();
        long used = usedBytes();
        for (Map.Entry<String, Installed> pkg : new ArrayList<>(installed.entrySet())) {
            if (used <= capBytes) {
                return removed;
            }
            if (pkg.getValue().previous != null) {
                used -= remove(pkg.getKey(), pkg.getValue().previous, removed);
                use(pkg.getKey(), new Installed(pkg.getValue().current, null));
            }
        }
        List<Map.Entry<String, Installed>> unnamed = new ArrayList<>();
        for (Map.Entry<String, Installed> pkg : installed.entrySet()) {
            if (!named.contains(pkg.getKey()) && pkg.getValue().current != null) {
                unnamed.add(pkg);
            }
        }
        unnamed.sort(Comparator.comparingLong((Map.Entry<String, Installed> e) ->
                sizeQuietly(versionFolder(e.getKey(), e.getValue().current))).reversed());
        for (Map.Entry<String, Installed> pkg : unnamed) {
            if (used <= capBytes) {
                break;
            }
            used -= remove(pkg.getKey(), pkg.getValue().current, removed);
            use(pkg.getKey(), new Installed(null, null));
        }
        return removed;
    }

    /** Bytes the packages and downloads take. */
    public synchronized long usedBytes() throws IOException {
        return sizeOf(root.resolve("packages")) + sizeOf(root.resolve("downloads"));
    }

    private long remove(String packageId, String version, List<String> removed) throws IOException {
        Path folder = versionFolder(packageId, version);
        long size = sizeOf(folder);
        deleteTree(folder);
        removed.add(packageId + " " + version);
        return size;
    }

    private boolean isKept(String packageId, String version) {
        Installed pkg = installed.get(packageId);
        return pkg != null && (version.equals(pkg.current) || version.equals(pkg.previous));
    }

    private Path versionFolder(String packageId, String version) {
        return root.resolve("packages").resolve(packageId).resolve(version);
    }

    /** Names the versions in {@code installed.json} by a rename, so that it is the old state or the new. */
    private void use(String packageId, Installed pkg) throws IOException {
        installed.put(packageId, pkg);
        JsonObject json = new JsonObject();
        installed.forEach((id, state) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("current", state.current);
            entry.addProperty("previous", state.previous);
            json.add(id, entry);
        });
        Path next = root.resolve("installed.json.next");
        try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            GSON.toJson(json, writer);
        }
        move(next, root.resolve("installed.json"));
        for (Path version : list(root.resolve("packages").resolve(packageId))) {
            if (!isKept(packageId, version.getFileName().toString())) {
                deleteTree(version);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        List<Path> children = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
                stream.forEach(children::add);
            }
        }
        return children;
    }

    private static String text(JsonObject json, String name) {
        return json.has(name) && !json.get(name).isJsonNull() ? json.get(name).getAsString() : null;
    }

    private static long sizeOf(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(folder, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                total[0] += attributes.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    private static long sizeQuietly(Path folder) {
        try {
            return sizeOf(folder);
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTreeQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            // recover() removes it at the next start
        }
    }
}
