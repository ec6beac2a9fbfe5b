package dev.rollgate.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine's own Chromium (Debian's {@code chromium}), driven by Playwright with Playwright's browser
 * download turned off. A missing browser fails the test with what to install: browser tests are never
 * skipped.
 */
final class ChromiumBrowser implements AutoCloseable {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    // Without the background-networking flags Chromium keeps dialling Google's hosts, which this closed
    // network refuses many at a time.
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;

    ChromiumBrowser(Path screenshots) {
        Path executable = executable();
        this.screenshots = screenshots;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(FLAGS));
    }

    static Path executable() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new IllegalStateException("CHROMIUM=" + configured + " is not an executable file");
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("Chromium is missing, and the console's browser tests "
                        + "need it: on Debian, apt-get install chromium (deploy/local/test does it when run as root); "
                        + "elsewhere install Chromium and set CHROMIUM to its executable"));
    }

    /** A fresh browser session (its own sessionStorage, so its own sign-in) at laptop width. */
    Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        return context.newPage();
    }

    void screenshot(Page page, String name) {
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
