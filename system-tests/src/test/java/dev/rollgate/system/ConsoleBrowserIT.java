package dev.rollgate.system;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.rollgate.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The console in a real Chromium against the real stack, walked as a release manager does: sign in, register
 * an app, add a package and a version, fill a whitelist from a file, release grayscale to it with a city
 * rule, watch the list change by itself, ask the client API, steer the task to its end (with a stale
 * If-Match on the way), a refused batch and a good one, and the audit trail; then a viewer who sees every
 * page and can change nothing. Screenshots land in target/console-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final String SUBJECT = "rita";
    private static final String SHA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    @TempDir
    static Path work;

    private static SystemStack stack;
    private static Console api;
    private static ChromiumBrowser chromium;
    private static Page page;
    private static String gateway;
    private static String app;
    private static String packageId;
    private static String taskId;

    /** What the browser showed when a step failed, next to the other screenshots: the first thing to look at. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (page != null) {
                chromium.screenshot(page, "failed-" + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
        gateway = stack.gatewayB.url();
        api = new Console(gateway, "someone-else");
        chromium = new ChromiumBrowser(SystemStack.root().resolve("system-tests/target/console-screenshots"));
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        page = chromium.newPage(1366, 900);
        page.setDefaultTimeout(15_000);
        app = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        packageId = "3" + String.format("%07d", (int) (Math.random() * 9_999_999));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static Locator button(Page on, String name) {
        return on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A form field by its accessible name (a required field's label text also holds its asterisk). */
    private static Locator field(Page on, String label) {
        Page.GetByRoleOptions named = new Page.GetByRoleOptions().setName(label).setExact(true);
        return on.getByRole(AriaRole.TEXTBOX, named).or(on.getByRole(AriaRole.SPINBUTTON, named))
                .or(on.getByRole(AriaRole.COMBOBOX, named));
    }

    private static void signIn(Page on, String token) {
        on.navigate(gateway + "/console/");
        field(on, "Token").fill(token);
        button(on, "Sign in").click();
    }

    @Test
    @Order(1)
    void aRefusedTokenReturnsToSignInAndAGoodOneShowsWhoIsSignedIn() {
        signIn(page, TestTokens.signedByAStranger(SUBJECT));
        assertThat(page.getByText("The gateway refused the token (401)")).isVisible();

        signIn(page, TestTokens.mint(SUBJECT, List.of("admin"), List.of("*"), Duration.ofHours(1)));
        assertThat(page.getByTestId("whoami")).containsText(SUBJECT + " · admin · apps *");
    }

    @Test
    @Order(2)
    void anAdminRegistersAnApp() {
        button(page, "Register app").click();
        field(page, "App key").fill("Bad Key");
        assertThat(page.getByText("lower-case letters, digits and dashes")).isVisible();
        field(page, "App key").fill(app);
        field(page, "Name").fill("Console shop");
        button(page, "Register").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(app)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Offline package management")))
                .isVisible();
    }

    @Test
    @Order(3)
    void aPackageAndAVersionAreAddedAndTheServersFieldErrorsShowBesideTheirFields() throws IOException {
        button(page, "New package").click();
        field(page, "Package id").fill(packageId);
        field(page, "Name").fill("Checkout");
        field(page, "Virtual host").fill("m..example.com");
        button(page, "Create package").click();
        // Only the server knows this host name is wrong: its problem+json lands under the field.
        assertThat(page.getByText("must be a host name such as m.example.com")).isVisible();
        field(page, "Virtual host").fill("m.example.com");
        button(page, "Create package").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Checkout (" + packageId + ")")))
                .isVisible();

        button(page, "Add version").click();
        field(page, "Version").fill("1.0.0");
        field(page, "Lowest app version").fill("10.0");
        // A version whose files are hosted elsewhere: the hash is checked before anything is sent.
        button(page, "Files hosted elsewhere").click();
        field(page, "Download URL").fill("https://cdn.example.com/" + packageId + "/1.0.0.zip");
        field(page, "SHA-256").fill("abc");
        field(page, "Size in bytes").fill("1000");
        button(page, "Add version").last().click();
        assertThat(page.getByText("must be 64 hexadecimal characters")).isVisible();
        field(page, "SHA-256").fill(SHA);
        // The zip itself instead: only the server finds that it lacks the page mainUrl names.
        button(page, "Upload the zip").click();
        page.setInputFiles("input[type=file]", Files.write(work.resolve("no-page.zip"),
                Zips.of(java.util.Map.of("other.html", "<html></html>"))));
        field(page, "Fallback base URL").fill("https://m.example.com/" + packageId + "/");
        button(page, "Add version").last().click();
        assertThat(page.getByText("holds no index.html, which mainUrl /index.html names")).isVisible();
        page.setInputFiles("input[type=file]", Files.write(work.resolve("checkout-1.0.0.zip"),
                Zips.page("Checkout 1.0.0", 20_000)));
        button(page, "Add version").last().click();
        assertThat(page.locator("tr[data-version='1.0.0'] [data-state]")).hasAttribute("data-state", "TO_BE_RELEASED");
    }

    @Test
    @Order(4)
    void aWhitelistIsFilledFromAFileWithProgress() throws IOException {
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Whitelists")).click();
        button(page, "New whitelist").click();
        field(page, "Whitelist name").fill("beta testers");
        button(page, "Create whitelist").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Whitelist: beta testers")))
                .isVisible();

        Path file = work.resolve("beta.csv");
        // One id a line, as exports come: a blank line and a repeated id are counted once.
        Files.writeString(file, IntStream.rangeClosed(1, 1200).mapToObj(i -> "u" + i + ",User " + i)
                .collect(Collectors.joining("\n")) + "\n\nu5,User 5\n");
        page.setInputFiles("input[type=file]", file);
        assertThat(page.getByText("1,200 added from beta.csv (1,201 ids")).isVisible();
        assertThat(page.getByText("User ids · 1,200 members")).isVisible();
        page.getByLabel("select u1", new Page.GetByLabelOptions().setExact(true)).check();
        button(page, "Remove 1 selected").click();
        assertThat(page.getByText("User ids · 1,199 members")).isVisible();
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("members")).getByRole(AriaRole.LISTITEM))
                .hasCount(50);
        button(page, "Next page").click();
        assertThat(page.getByText("page 2")).isVisible();
    }

    @Test
    @Order(5)
    void aGrayscaleReleaseToTheWhitelistWithACityRuleShowsInTheListWithoutAReload() {
        Page list = chromium.newPage(1366, 900);
        signIn(list, TestTokens.mint(SUBJECT, List.of("admin"), List.of("*"), Duration.ofHours(1)));
        list.navigate(gateway + "/console/#/apps/" + app + "/packages");
        assertThat(list.locator("tr[data-package='" + packageId + "'] [data-state]"))
                .hasAttribute("data-state", "TO_BE_RELEASED");

        page.navigate(gateway + "/console/#/apps/" + app + "/packages/" + packageId);
        page.locator("tr[data-version='1.0.0']").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Create a release task")).click();
        button(page, "Create release task").click();
        // Grayscale to a whitelist without one picked cannot be sent.
        assertThat(page.getByText("pick at least one whitelist")).isVisible();
        field(page, "Whitelists").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("beta testers (1199 users)")).click();
        button(page, "Add rule").click();
        field(page, "Rule 1 values").fill("Hangzhou");
        field(page, "Rule 1 values").press("Enter");
        field(page, "Description").fill("new checkout for beta testers in Hangzhou");
        chromium.screenshot(page, "create-task");
        button(page, "Create release task").click();
        assertThat(page.locator("main [data-state]").first()).hasAttribute("data-state", "RELEASING");
        taskId = page.url().substring(page.url().lastIndexOf('/') + 1);

        assertThat(list.locator("tr[data-package='" + packageId + "'] [data-state]"))
                .hasAttribute("data-state", "GRAYSCALE_RELEASING");
        list.context().close();
        // A background tab stops polling (as in any browser); the release manager comes back to the first one.
        page.bringToFront();
    }

    @Test
    @Order(6)
    void theClientApiGivesTheVersionToAWhitelistedUserInTheCity() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().baseUri(gateway)
                .queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2.0")
                .queryParam("userId", "u7").queryParam("city", "Hangzhou")
                .get("/client/v1/apps/" + app + "/packages")
                .then().statusCode(200).body("packages[0].version", equalTo("1.0.0")));

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Simulate")).click();
        field(page, "App version").fill("10.2.0");
        field(page, "User id").fill("u7");
        field(page, "City").fill("Shanghai");
        button(page, "Simulate").click();
        Locator report = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("package " + packageId));
        assertThat(report).containsText("RULE_FAILED");
        assertThat(report).containsText("client has Shanghai");
        field(page, "City").fill("Hangzhou");
        button(page, "Simulate").click();
        assertThat(report.locator("[data-chosen]")).hasText("gets 1.0.0 (grayscale)");
    }

    @Test
    @Order(7)
    void theTaskIsPausedResumedPromotedAndFinishedAndAStaleActionAsksToReload() {
        // A device reports that it runs the version: the task's health shows it.
        given().baseUri(gateway).contentType(io.restassured.http.ContentType.JSON).body(java.util.Map.of(
                "platform", "ANDROID", "reports", List.of(java.util.Map.of("reportId", "r-" + UUID.randomUUID(),
                        "packageId", packageId, "version", "1.0.0", "taskId", taskId, "outcome", "LAUNCHED",
                        "device", "c".repeat(64), "at", java.time.Instant.now().toString()))))
                .post("/client/v1/apps/{app}/reports", app).then().statusCode(202);
        page.navigate(gateway + "/console/#/apps/" + app + "/tasks/" + taskId);
        Locator state = page.locator("main [data-state]").first();
        assertThat(state).hasAttribute("data-state", "RELEASING");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("release health"))
                .locator("[data-count=launched]")).hasText("Launched: 1");
        assertThat(button(page, "Finish")).hasCount(0);
        button(page, "Pause").click();
        assertThat(state).hasAttribute("data-state", "PAUSED");
        assertThat(button(page, "Pause")).hasCount(0);
        button(page, "Resume").click();
        assertThat(state).hasAttribute("data-state", "RELEASING");
        button(page, "Promote to official").click();
        assertThat(page.getByText("Official", new Page.GetByTextOptions().setExact(true))).isVisible();

        // Someone else pauses it meanwhile: the browser's Finish carries the old stream version and is refused.
        api.command(app, taskId, "pause");
        button(page, "Finish").click();
        assertThat(page.getByText("Someone changed this task since you loaded it")).isVisible();
        button(page, "Reload").click();
        assertThat(state).hasAttribute("data-state", "PAUSED");
        button(page, "Resume").click();
        assertThat(state).hasAttribute("data-state", "RELEASING");
        button(page, "Finish").click();
        assertThat(state).hasAttribute("data-state", "FINISHED");
        assertThat(page.getByText("nothing more to do")).isVisible();

        Locator trail = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("audit trail"))
                .getByRole(AriaRole.LISTITEM);
        assertThat(trail).hasCount(7);
        List<String> events = trail.evaluateAll("items => items.map(i => i.dataset.event + ' ' + i.querySelector('[data-actor]').textContent)")
                instanceof List<?> raw ? raw.stream().map(String::valueOf).toList() : List.of();
        org.assertj.core.api.Assertions.assertThat(events).containsExactly(
                "ReleaseTaskCreated " + SUBJECT, "ReleaseTaskPaused " + SUBJECT, "ReleaseTaskResumed " + SUBJECT,
                "ReleaseTaskPromoted " + SUBJECT, "ReleaseTaskPaused someone-else", "ReleaseTaskResumed " + SUBJECT,
                "ReleaseTaskFinished " + SUBJECT);
        chromium.screenshot(page, "task-page");
    }

    @Test
    @Order(8)
    void aBatchRefusedForOnePackageSaysWhyAndReleasesNothingThenOneSucceeds() {
        String busy = "4" + packageId.substring(1);
        String fresh = "5" + packageId.substring(1);
        for (String id : List.of(busy, fresh)) {
            api.post("/api/v1/apps/" + app + "/packages", "{\"packageId\":\"" + id + "\",\"name\":\"P" + id
                    + "\",\"type\":\"NORMAL\"}").statusCode(201);
        }
        // busy: an official task still runs on 1.0.0 while 1.1.0 waits, so its highest version looks batchable.
        api.version(app, busy, "1.0.0");
        api.createTask(app, "{\"packageId\":\"" + busy + "\",\"version\":\"1.0.0\",\"platform\":\"ANDROID\","
                + "\"releaseType\":\"OFFICIAL\"}");
        api.version(app, busy, "1.1.0");
        api.version(app, fresh, "2.0.0");

        page.navigate(gateway + "/console/#/apps/" + app + "/packages");
        button(page, "Batch release").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel(packageId + " Checkout").check();
        dialog.getByLabel(busy + " P" + busy).check();
        button(page, "move to selected").click();
        dialog.getByText("Official (everyone)").click();
        button(page, "Release 2 selected").click();
        Locator blocking = dialog.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("blocking packages"));
        assertThat(blocking).containsText("package " + busy + " already has an active task");
        assertThat(blocking.getByRole(AriaRole.LISTITEM)).hasCount(1);
        api.get("/api/v1/apps/" + app + "/release-tasks?packageId=" + fresh).statusCode(200).body("total", equalTo(0));

        dialog.getByLabel(busy + " P" + busy).check();
        button(page, "move back").click();
        dialog.getByLabel(fresh + " P" + fresh).check();
        button(page, "move to selected").click();
        button(page, "Release 2 selected").click();
        assertThat(dialog).hasCount(0);
        assertThat(page.locator("tr[data-package='" + fresh + "'] [data-state]"))
                .hasAttribute("data-state", "OFFICIAL_RELEASING");
        assertThat(page.locator("tr[data-package='" + packageId + "'] [data-state]"))
                .hasAttribute("data-state", "OFFICIAL_RELEASING");
        chromium.screenshot(page, "package-list");
    }

    @Test
    @Order(9)
    void aViewerSeesEveryPageAndCanChangeNothing() {
        // A tablet held upright, and the keyboard: Enter in the token field signs in.
        Page viewer = chromium.newPage(768, 1024);
        viewer.navigate(gateway + "/console/");
        field(viewer, "Token").fill(TestTokens.mint("victor", List.of("viewer"), List.of(app), Duration.ofHours(1)));
        field(viewer, "Token").press("Enter");
        assertThat(viewer.getByTestId("whoami")).containsText("victor · viewer · apps " + app);
        assertThat(button(viewer, "Register app")).isDisabled();

        viewer.navigate(gateway + "/console/#/apps/" + app + "/packages");
        assertThat(viewer.locator("tr[data-package='" + packageId + "']")).isVisible();
        assertThat(button(viewer, "New package")).isDisabled();
        assertThat(button(viewer, "Batch release")).isDisabled();
        org.assertj.core.api.Assertions.assertThat(viewer.evaluate("document.documentElement.scrollWidth"))
                .as("the page fits the tablet's width; only a wide table scrolls, inside itself")
                .isEqualTo(768);

        viewer.navigate(gateway + "/console/#/apps/" + app + "/packages/" + packageId);
        assertThat(button(viewer, "Add version")).isDisabled();

        String running = api.get("/api/v1/apps/" + app + "/release-tasks?state=RELEASING&packageId=" + packageId)
                .statusCode(200).extract().path("items[0].taskId");
        viewer.navigate(gateway + "/console/#/apps/" + app + "/tasks/" + running);
        assertThat(button(viewer, "Finish")).isDisabled();
        assertThat(button(viewer, "Cancel release")).isDisabled();

        viewer.navigate(gateway + "/console/#/apps/" + app + "/whitelists");
        assertThat(button(viewer, "New whitelist")).isDisabled();
        viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("beta testers")).click();
        assertThat(viewer.getByText("User ids · 1,199 members")).isVisible();
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload a CSV or text file")))
                .isDisabled();

        // An app the token does not name: the 403 is explained, not just shown as a status.
        viewer.navigate(gateway + "/console/#/apps/not-" + app + "/packages");
        assertThat(viewer.getByRole(AriaRole.ALERT)).containsText("is not allowed to do this");
        viewer.context().close();
    }
}
