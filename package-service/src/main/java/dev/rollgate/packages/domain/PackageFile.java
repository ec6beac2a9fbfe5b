package dev.rollgate.packages.domain;

/** One file inside a package zip: its path (the entry's name), the SHA-256 of its bytes and their count. */
public record PackageFile(String path, String sha256, long size) {
}
