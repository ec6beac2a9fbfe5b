package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VersionSpecTest {

    private static final String SHA = "A".repeat(64);

    private static VersionDraft draft(String version, String min, String max, String url, String sha, long size,
                                      String main, String fallback) {
        return new VersionDraft(version, Platform.ANDROID, min, max, url, sha, size, main, fallback);
    }

    @Test
    void aGoodDraftKeepsCanonicalVersionsAndALowerCaseDigest() {
        VersionSpec spec = VersionSpec.from(draft("01.0.0.2", "10.0", "12", "https://cdn.example.com/a.zip", SHA, 10,
                "/index.html", "https://m.example.com/"));
        assertThat(spec.version().toString()).isEqualTo("1.0.0.2");
        assertThat(spec.sha256()).isEqualTo("a".repeat(64));
        assertThat(spec.clientVersionMax().toString()).isEqualTo("12");
    }

    @Test
    void anOpenEndedClientRangeIsAllowed() {
        VersionSpec spec = VersionSpec.from(draft("1.0", "10.0", null, "http://cdn/a.zip", SHA, 1, null, null));
        assertThat(spec.clientVersionMax()).isNull();
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> VersionSpec.from(draft("1.x", "abc", "1.0", "ftp://cdn/a.zip", "xyz", 0, "index.html",
                        "javascript:alert(1)")));
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "version", "clientVersionMin", "downloadUrl", "sha256", "sizeBytes", "mainUrl", "fallbackBaseUrl");
        assertThat(e.errors()).filteredOn(error -> error.field().equals("version"))
                .extracting(FieldError::message).first().asString().contains("\"1.x\"");
    }

    @Test
    void aRangeWhoseMinimumIsAboveItsMaximumIsRefused() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> VersionSpec.from(draft("1.0", "12.1", "12.0.9", "https://cdn/a.zip", SHA, 5, null, null)));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("clientVersionMax");
    }

    @Test
    void equalBoundsMakeARangeOfOneClientVersion() {
        VersionSpec spec = VersionSpec.from(draft("1.0", "12.0", "12", "https://cdn/a.zip", SHA, 5, null, null));
        assertThat(spec.clientVersionMin()).isEqualTo(spec.clientVersionMax());
    }
}
