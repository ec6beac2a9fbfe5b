package dev.rollgate.sdk.install;

import io.sigpipe.jbsdiff.InvalidHeaderException;
import io.sigpipe.jbsdiff.Patch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One file's bsdiff patch (the {@code BSDIFF40} format jbsdiff writes), applied in memory. jbsdiff trusts the
 * patch: it allocates whatever output size the header names and decompresses its blocks with any codec it
 * detects. So the header is read here first, and a patch is applied only when it yields the size the manifest
 * lists, within the limit, from bzip2 blocks that lie inside the patch.
 */
final class BsdiffPatch {

    private static final byte[] MAGIC = "BSDIFF40".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BZIP2 = "BZh".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 32;

    private BsdiffPatch() {
    }

    /** @throws InstallException {@code PATCH_FAILED} for a patch that is corrupt or not the one for this file */
    static void apply(byte[] old, byte[] patch, long expectedSize, OutputStream out, String path)
            throws InstallException {
        checkHeader(patch, expectedSize, path);
        try {
            Patch.patch(old, patch, out);
        } catch (InvalidHeaderException | IOException | RuntimeException e) {
            // A CompressorException is an IOException; jbsdiff reports a lying control block as an index out of
            // bounds, not as either.
            throw new InstallException("PATCH_FAILED", "the patch of " + path + " does not apply: " + e, e);
        }
    }

    private static void checkHeader(byte[] patch, long expectedSize, String path) throws InstallException {
        if (patch.length < HEADER_SIZE || !startsWith(patch, 0, MAGIC)) {
            throw failed(path, "it is not a bsdiff patch");
        }
        long control = offset(patch, 8);
        long diff = offset(patch, 16);
        long size = offset(patch, 24);
        if (size != expectedSize) {
            throw failed(path, "it makes " + size + " bytes, the manifest lists " + expectedSize);
        }
        if (control < 0 || diff < 0 || control > patch.length || diff > patch.length
                || HEADER_SIZE + control + diff > patch.length
                || !startsWith(patch, HEADER_SIZE, BZIP2)
                || !startsWith(patch, HEADER_SIZE + (int) control, BZIP2)
                || !startsWith(patch, HEADER_SIZE + (int) (control + diff), BZIP2)) {
            throw failed(path, "its blocks are not where its header says");
        }
    }

    /** bsdiff's offset: 8 bytes little-endian, the top bit of the last one the sign. */
    private static long offset(byte[] bytes, int at) {
        long value = bytes[at + 7] & 0x7f;
        for (int i = 6; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xff);
        }
        return (bytes[at + 7] & 0x80) != 0 ? -value : value;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InstallException failed(String path, String why) {
        return new InstallException("PATCH_FAILED", "the patch of " + path + " is refused: " + why);
    }
}
