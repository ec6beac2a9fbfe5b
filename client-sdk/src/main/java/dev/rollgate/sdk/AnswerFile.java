package dev.rollgate.sdk;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The last answer, kept on the device so that a start without the network still knows what to run. */
final class AnswerFile {

    private final Path file;

    AnswerFile(Path file) {
        this.file = file;
    }

    GatewayAnswer read() {
        if (!Files.exists(file)) {
            return null;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObject json = JsonParser.parseReader(reader).getAsJsonObject();
            String etag = json.has("etag") && !json.get("etag").isJsonNull() ? json.get("etag").getAsString() : null;
            return GatewayClient.parse(json, etag);
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable copy is as good as none: the next answer replaces it
        }
    }

    /** One package as the gateway's answer names it, so that {@link GatewayClient#parse} reads it back. */
    static JsonObject json(PackageOffer offer) {
        JsonObject pkg = new JsonObject();
        pkg.addProperty("packageId", offer.packageId());
        pkg.addProperty("version", offer.version());
        pkg.addProperty("releaseType", offer.releaseType());
        pkg.addProperty("downloadUrl", offer.downloadUrl());
        pkg.addProperty("sha256", offer.sha256());
        pkg.addProperty("sizeBytes", offer.sizeBytes());
        pkg.addProperty("mainUrl", offer.mainUrl());
        pkg.addProperty("fallbackBaseUrl", offer.fallbackBaseUrl());
        pkg.addProperty("taskId", offer.taskId());
        pkg.addProperty("contentSha256", offer.contentSha256());
        pkg.addProperty("signature", offer.signature());
        if (offer.diff() != null) {
            JsonObject diff = new JsonObject();
            diff.addProperty("fromVersion", offer.diff().fromVersion());
            diff.addProperty("downloadUrl", offer.diff().downloadUrl());
            diff.addProperty("sha256", offer.diff().sha256());
            diff.addProperty("sizeBytes", offer.diff().sizeBytes());
            pkg.add("diff", diff);
        }
        return pkg;
    }

    void write(GatewayAnswer answer) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("revision", answer.revision());
        json.addProperty("nextCheckAfterSeconds", answer.nextCheckAfterSeconds());
        json.addProperty("etag", answer.etag());
        JsonArray packages = new JsonArray();
        for (PackageOffer offer : answer.packages().values()) {
            packages.add(json(offer));
        }
        json.add("packages", packages);
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            writer.write(json.toString());
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
