package dev.rollgate.sdk;

import dev.rollgate.sdk.install.DiffApplier;
import dev.rollgate.sdk.install.Downloader;
import dev.rollgate.sdk.install.InstallException;
import dev.rollgate.sdk.install.Installed;
import dev.rollgate.sdk.install.PackageSignature;
import dev.rollgate.sdk.install.PackageStore;
import dev.rollgate.sdk.install.SafeUnzip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Brings the device to an answer: installs what is new (downloads in parallel, up to the pool's size), goes
 * back to kept versions, falls back online for packages the answer no longer names, and keeps storage within
 * its cap. With the app's signing key, an offer is installed only when its signature verifies, before a byte
 * of it is downloaded. A diff from the version in use is tried before the full package, never instead of it.
 */
final class AnswerApplier {

    /** How the applier tells of what it does. */
    interface Events {
        void emit(SdkEvent.Type type, String packageId, String version, String detail);
    }

    private final PackageStore store;
    private final Downloader downloader;
    private final SafeUnzip unzip;
    private final DiffApplier diffs;
    private final PackageSignature signature;
    private final String platform;
    private final ExecutorService downloads;
    private final long storageCapBytes;
    private final Events events;
    private final SdkListener listener;

    /**
     * @param signature the app's signing key, or null: then offers are installed unsigned
     * @param platform  the platform the device asks for, which the signature covers
     */
    AnswerApplier(PackageStore store, Downloader downloader, SafeUnzip unzip, DiffApplier diffs,
                  PackageSignature signature, String platform, ExecutorService downloads, long storageCapBytes,
                  Events events, SdkListener listener) {
        this.store = store;
        this.downloader = downloader;
        this.unzip = unzip;
        this.diffs = diffs;
        this.signature = signature;
        this.platform = platform;
        this.downloads = downloads;
        this.storageCapBytes = storageCapBytes;
        this.events = events;
        this.listener = listener;
    }

    void apply(GatewayAnswer current) {
        List<Future<?>> pending = new ArrayList<>();
        for (PackageOffer offer : current.packages().values()) {
            Installed installed = store.installed(offer.packageId());
            if (installed != null && offer.version().equals(installed.current())) {
                continue;
            }
            try {
                if (installed != null && offer.version().equals(installed.previous())
                        && store.switchToKept(offer.packageId(), offer.version())) {
                    events.emit(SdkEvent.Type.ROLLED_BACK, offer.packageId(), offer.version(), null);
                    continue;
                }
            } catch (IOException e) {
                events.emit(SdkEvent.Type.INSTALL_FAILED, offer.packageId(), offer.version(), "STORAGE");
                continue;
            }
            pending.add(downloads.submit(() -> install(offer)));
        }
        for (Future<?> each : pending) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // install() reports its own failures
            }
        }
        for (Map.Entry<String, Installed> pkg : store.all().entrySet()) {
            if (pkg.getValue().current() != null && !current.packages().containsKey(pkg.getKey())) {
                try {
                    store.fallBackOnline(pkg.getKey());
                    events.emit(SdkEvent.Type.FELL_BACK_ONLINE, pkg.getKey(), pkg.getValue().current(),
                            "the answer no longer names the package");
                } catch (IOException e) {
                    events.emit(SdkEvent.Type.INSTALL_FAILED, pkg.getKey(), null, "STORAGE");
                }
            }
        }
        evictPastCap(current);
    }

    private void install(PackageOffer offer) {
        if (signature != null) {
            try {
                signature.verify(offer, platform);
            } catch (InstallException e) {
                events.emit(SdkEvent.Type.INSTALL_FAILED, offer.packageId(), offer.version(),
                        e.reason() + ": " + e.getMessage());
                return;
            }
        }
        if (!installFromDiff(offer)) {
            installFull(offer);
        }
    }

    /**
     * Builds the version from the diff offered beside it, when that diff is from the version in use; whatever
     * goes wrong is told as {@code DIFF_FAILED}, and the full package is the way left.
     *
     * @return whether the version is installed
     */
    private boolean installFromDiff(PackageOffer offer) {
        PackageDiff diff = offer.diff();
        Installed installed = store.installed(offer.packageId());
        Path from = store.folderInUse(offer.packageId());
        if (diff == null || offer.contentSha256() == null || installed == null || from == null
                || !diff.fromVersion().equals(installed.current()) || !Files.isDirectory(from)) {
            return false;
        }
        Path file = store.partialDiffDownload(offer.packageId(), diff.fromVersion(), offer.version());
        try {
            downloader.download(offer, diff, file, progress(offer));
            store.installUnpacked(offer.packageId(), offer.version(), offer.mainUrl(),
                    content -> diffs.apply(offer, file, from, content));
        } catch (InstallException e) {
            events.emit(SdkEvent.Type.DIFF_FAILED, offer.packageId(), offer.version(),
                    e.reason() + ": " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            events.emit(SdkEvent.Type.DIFF_FAILED, offer.packageId(), offer.version(), "UNEXPECTED: " + e);
            return false;
        } finally {
            // The full package comes next, or the version is in: a diff is of no use after one attempt.
            deleteQuietly(file);
        }
        String built = "built from the " + diff;
        events.emit(SdkEvent.Type.DOWNLOADED, offer.packageId(), offer.version(), built);
        events.emit(SdkEvent.Type.VERIFIED, offer.packageId(), offer.version(),
                "contentSha256 " + offer.contentSha256() + ", " + built);
        events.emit(SdkEvent.Type.INSTALLED, offer.packageId(), offer.version(), built);
        return true;
    }

    private void installFull(PackageOffer offer) {
        try {
            Path zip = downloader.download(offer, store.partialDownload(offer.packageId(), offer.version()),
                    progress(offer));
            events.emit(SdkEvent.Type.DOWNLOADED, offer.packageId(), offer.version(), null);
            events.emit(SdkEvent.Type.VERIFIED, offer.packageId(), offer.version(), "sha256 " + offer.sha256());
            store.install(offer.packageId(), offer.version(), offer.mainUrl(), zip, unzip);
            events.emit(SdkEvent.Type.INSTALLED, offer.packageId(), offer.version(), null);
        } catch (InstallException e) {
            events.emit(SdkEvent.Type.INSTALL_FAILED, offer.packageId(), offer.version(), e.reason() + ": " + e.getMessage());
        }
    }

    private Downloader.Progress progress(PackageOffer offer) {
        return (received, total) -> listener.onEvent(new SdkEvent(SdkEvent.Type.PROGRESS, offer.packageId(),
                offer.version(), null, received, total));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // counted in the storage used until a later attempt at the same diff replaces it
        }
    }

    private void evictPastCap(GatewayAnswer current) {
        try {
            for (String removed : store.evict(storageCapBytes, new HashSet<>(current.packages().keySet()))) {
                String[] parts = removed.split(" ", 2);
                events.emit(SdkEvent.Type.EVICTED, parts[0], parts[1], null);
            }
        } catch (IOException e) {
            events.emit(SdkEvent.Type.INSTALL_FAILED, null, null, "STORAGE: " + e.getMessage());
        }
    }
}
