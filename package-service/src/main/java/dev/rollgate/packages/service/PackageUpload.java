package dev.rollgate.packages.service;

import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.packages.config.FilesConfig;
import dev.rollgate.packages.domain.PackageContents;
import dev.rollgate.packages.domain.PackageTooLargeException;
import dev.rollgate.packages.domain.PackageZip;
import dev.rollgate.packages.domain.Sha256;
import dev.rollgate.packages.domain.VersionDraft;
import dev.rollgate.packages.domain.VersionSpec;
import dev.rollgate.packages.domain.ZipLimits;
import dev.rollgate.packages.persistence.ObjectStore;
import dev.rollgate.packages.persistence.VersionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Registers a version with its file: checks the fields, the version order and the zip before a byte is stored,
 * stores the package and its diffs from earlier released versions, and records the version last. When the
 * record fails, what was stored for it is deleted again, so a version never names a missing object and a
 * refused upload leaves nothing behind. The zip work and the store's calls run on worker threads.
 */
@ApplicationScoped
public class PackageUpload {

    private static final Logger LOG = Logger.getLogger(PackageUpload.class);

    private final VersionService versions;
    private final CatalogLookup lookup;
    private final DiffMaker diffs;
    private final ObjectStore store;
    private final Vertx vertx;
    private final FilesConfig config;
    private final ZipLimits limits;

    PackageUpload(VersionService versions, CatalogLookup lookup, DiffMaker diffs, ObjectStore store, Vertx vertx,
                  FilesConfig config) {
        this.versions = versions;
        this.lookup = lookup;
        this.diffs = diffs;
        this.store = store;
        this.vertx = vertx;
        this.config = config;
        this.limits = config.zipLimits();
    }

    /** @param fields the version's fields; its download URL, hash and size are the server's to fill in */
    public Uni<PackageVersionView> register(String appKey, String packageId, VersionDraft fields, Path file,
                                            long fileSize) {
        if (fileSize > config.maxSize().asLongValue()) {
            throw new PackageTooLargeException(fileSize, config.maxSize().asLongValue());
        }
        VersionSpec spec = VersionSpec.withoutFile(fields);
        String prefix = "apps/" + appKey + "/packages/" + packageId + "/" + spec.platform() + "/" + spec.version()
                + "/" + UUID.randomUUID();
        return versions.requireRegistrable(appKey, packageId, spec)
                .chain(() -> blocking(() -> {
                    PackageContents contents = PackageZip.inspect(file, limits);
                    PackageZip.requireMain(contents, spec.mainUrl());
                    return contents;
                }))
                .chain(contents -> earlier(appKey, packageId, spec.platform(), spec.version())
                        .chain(earlier -> blocking(() -> store(prefix, packageId, spec, file, contents, earlier))))
                .chain(stored -> versions.register(appKey, packageId,
                                spec.withFile(stored.downloadUrl(), stored.sha256(), stored.sizeBytes()), stored)
                        .onFailure().call(failure -> blocking(() -> {
                            deleteQuietly(stored.objectKeys());
                            return null;
                        })));
    }

    private StoredFile store(String prefix, String packageId, VersionSpec spec, Path file, PackageContents contents,
                             List<DiffMaker.Earlier> earlier) throws IOException {
        String key = prefix + "/package.zip";
        String sha256 = Sha256.of(file);
        long size = Files.size(file);
        put(key, file);
        try {
            List<StoredFile.StoredDiff> made = diffs.make(prefix, packageId,
                    new DiffMaker.Target(file, contents, spec.version().toString(), size), earlier);
            return new StoredFile(key, store.publicUrl(key), sha256, size, contents.contentSha256(), made);
        } catch (RuntimeException | Error e) {
            // Even an OutOfMemoryError while diffing: the package stored above must not stay behind.
            deleteQuietly(List.of(key));
            throw e;
        }
    }

    /** The last N released versions of the package on the platform that were uploaded, highest first. */
    @WithSession
    Uni<List<DiffMaker.Earlier>> earlier(String appKey, String packageId, Platform platform, Version version) {
        return lookup.pkg(appKey, packageId).chain(pkg -> VersionEntity.<VersionEntity>list(
                        "packageRef = ?1 and platform = ?2 and objectKey is not null and state <> ?3",
                        pkg.id, platform, VersionState.TO_BE_RELEASED))
                .map(found -> found.stream()
                        .filter(v -> Version.parse(v.version).compareTo(version) < 0)
                        .sorted(Comparator.comparing((VersionEntity v) -> Version.parse(v.version)).reversed())
                        .limit(config.diffFrom())
                        .map(v -> new DiffMaker.Earlier(v.version, v.objectKey))
                        .toList());
    }

    private void put(String key, Path file) {
        try {
            store.put(key, file);
        } catch (SdkException e) {
            LOG.errorf("the object store did not take %s: %s", key, e.getMessage());
            throw new ObjectStoreException("the object store did not take the package; try again later", e);
        }
    }

    private void deleteQuietly(List<String> keys) {
        for (String key : new ArrayList<>(keys)) {
            try {
                store.delete(key);
            } catch (SdkException e) {
                LOG.errorf("could not delete %s after a failed upload; it is unreferenced: %s", key, e.getMessage());
            }
        }
    }

    /** Runs blocking work on a worker; the result comes back on this request's context, as Hibernate needs. */
    private <T> Uni<T> blocking(BlockingWork<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                // The service's own disk, not the store: a 500, logged with its cause by the problem mappers.
                throw new UncheckedIOException("the uploaded package could not be read or written here", e);
            }
        }), false);
    }

    @FunctionalInterface
    private interface BlockingWork<T> {
        T run() throws IOException;
    }
}
