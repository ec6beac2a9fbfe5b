package dev.rollgate.packages.service;

import dev.rollgate.packages.config.FilesConfig;
import dev.rollgate.packages.domain.DiffWriter;
import dev.rollgate.packages.domain.PackageContents;
import dev.rollgate.packages.domain.PackageZip;
import dev.rollgate.packages.domain.Sha256;
import dev.rollgate.packages.domain.ZipLimits;
import dev.rollgate.packages.persistence.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes and stores the diffs to a new version from earlier ones. A diff only saves bytes, so one that cannot be
 * made (an earlier file gone from the store, a store hiccup) is skipped with a warning rather than failing the
 * upload; devices then download the full package. Blocking: runs on a worker thread.
 */
@ApplicationScoped
public class DiffMaker {

    private static final Logger LOG = Logger.getLogger(DiffMaker.class);

    /** An earlier version and where its file is. */
    public record Earlier(String version, String objectKey) {
    }

    /** The new version: its uploaded file, as inspected. */
    public record Target(Path zip, PackageContents contents, String version, long sizeBytes) {
    }

    private final ObjectStore store;
    private final ZipLimits limits;

    DiffMaker(ObjectStore store, FilesConfig config) {
        this.store = store;
        this.limits = config.zipLimits();
    }

    /** @return the diffs stored, each smaller than the full package */
    public List<StoredFile.StoredDiff> make(String prefix, String packageId, Target target, List<Earlier> earlier) {
        List<StoredFile.StoredDiff> made = new ArrayList<>();
        for (Earlier from : earlier) {
            Path old = null;
            Path diff = null;
            try {
                old = Files.createTempFile("rollgate-earlier-", ".zip");
                diff = Files.createTempFile("rollgate-diff-", ".zip");
                store.download(from.objectKey(), old);
                PackageContents oldContents = PackageZip.inspect(old, limits);
                try (OutputStream out = Files.newOutputStream(diff)) {
                    DiffWriter.write(packageId, new DiffWriter.Side(old, oldContents, from.version()),
                            new DiffWriter.Side(target.zip(), target.contents(), target.version()), limits, out);
                }
                long size = Files.size(diff);
                if (size >= target.sizeBytes()) {
                    LOG.infof("no diff from %s to %s of package %s: %d bytes, not smaller than the package",
                            from.version(), target.version(), packageId, size);
                    continue;
                }
                String key = prefix + "/diff-from-" + from.version() + ".zip";
                String sha256 = Sha256.of(diff);
                store.put(key, diff);
                made.add(new StoredFile.StoredDiff(from.version(), key, store.publicUrl(key), sha256, size));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("no diff from %s to %s of package %s: %s", from.version(), target.version(), packageId,
                        e.getMessage());
            } finally {
                deleteQuietly(old);
                deleteQuietly(diff);
            }
        }
        return made;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("temporary file %s stays: %s", file, e.getMessage());
            }
        }
    }
}
