package dev.rollgate.packages.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Checks on the addresses a version carries: clients fetch them, so only absolute http(s) URLs with a host pass. */
public final class WebAddress {

    private WebAddress() {
    }

    /** @return why {@code text} is not an absolute http or https URL, or empty when it is one */
    public static Optional<String> problemWithAbsolute(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        return Optional.empty();
    }

    /** The main URL may also be a path inside the package, such as {@code /index.html}. */
    public static Optional<String> problemWithPathOrAbsolute(String text) {
        if (text.startsWith("/") && !text.startsWith("//")) {
            try {
                URI uri = new URI(text);
                return uri.getScheme() == null ? Optional.empty() : Optional.of("is not a path");
            } catch (URISyntaxException e) {
                return Optional.of("is not a valid path");
            }
        }
        return problemWithAbsolute(text).map(problem -> "must be a path starting with / or an http(s) URL");
    }
}
