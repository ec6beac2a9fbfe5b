package dev.rollgate.packages.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example.com/20000001/1.0.0.2.amr", "http://10.0.0.1:8080/a.zip",
            "HTTPS://CDN.EXAMPLE.COM/x"})
    void absoluteHttpUrlsWithAHostPass(String url) {
        assertThat(WebAddress.problemWithAbsolute(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://cdn.example.com/a.zip", "file:///etc/passwd", "javascript:alert(1)",
            "https:///no-host", "cdn.example.com/a.zip", "/relative", "http://exa mple.com/", ""})
    void anythingElseIsRefused(String url) {
        assertThat(WebAddress.problemWithAbsolute(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html", "/app/main.html?x=1", "https://m.example.com/index.html"})
    void aMainUrlMayBeAPathInsideThePackage(String url) {
        assertThat(WebAddress.problemWithPathOrAbsolute(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "//evil.example.com/x", "ftp://x/y", "/a b"})
    void aMainUrlThatIsNeitherIsRefused(String url) {
        assertThat(WebAddress.problemWithPathOrAbsolute(url)).isPresent();
    }
}
