package dev.rollgate.system;

import dev.rollgate.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** No one without the right token touches an app, at the gateway and again at each service. */
class SecurityIT {

    private static SystemStack stack;
    private static String app;

    record Call(String method, String path) {
    }

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
        app = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        new Console(stack.gatewayA.url(), "admin").post("/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"K\"}")
                .statusCode(201);
    }

    private static List<Call> consoleCalls() {
        String a = "/api/v1/apps/" + app;
        String task = a + "/release-tasks/" + UUID.randomUUID();
        String whitelist = a + "/whitelists/" + UUID.randomUUID();
        return List.of(new Call("GET", "/api/v1/apps"), new Call("POST", "/api/v1/apps"),
                new Call("GET", a + "/packages"), new Call("POST", a + "/packages"),
                new Call("GET", a + "/packages/20000001"), new Call("POST", a + "/packages/20000001/versions"),
                new Call("GET", a + "/packages/20000001/versions/1.0?platform=ANDROID"),
                new Call("GET", a + "/release-tasks"), new Call("POST", a + "/release-tasks"),
                new Call("POST", a + "/release-tasks/batch"), new Call("GET", task), new Call("GET", task + "/events"),
                new Call("POST", task + "/pause"), new Call("POST", task + "/resume"), new Call("POST", task + "/promote"),
                new Call("POST", task + "/finish"), new Call("POST", task + "/cancel"),
                new Call("GET", a + "/whitelists"), new Call("POST", a + "/whitelists"), new Call("GET", whitelist),
                new Call("DELETE", whitelist), new Call("GET", whitelist + "/members"),
                new Call("POST", whitelist + "/members"), new Call("DELETE", whitelist + "/members"),
                new Call("POST", a + "/simulate"));
    }

    private static int status(String base, Call call, String authorization) {
        var request = given().baseUri(base).contentType("application/json").body("{}");
        request = request.header("Authorization", authorization == null ? "" : authorization);
        return request.request(call.method(), call.path()).statusCode();
    }

    @Test
    void everyConsolePathRefusesMissingGarbageExpiredAndForeignTokensWith401() {
        List<String> bad = new ArrayList<>();
        String[] tokens = {null, "Bearer", "Bearer garbage.garbage.garbage", "Basic YWRtaW46YWRtaW4=",
                "Bearer " + TestTokens.expired("admin"), "Bearer " + TestTokens.signedByAStranger("admin")};
        for (Call call : consoleCalls()) {
            for (String token : tokens) {
                for (String base : List.of(stack.gatewayA.url(), stack.packageService.url(), stack.releaseService.url())) {
                    if (!ownedBy(base, call)) {
                        continue;
                    }
                    int status = status(base, call, token);
                    if (status != 401) {
                        bad.add(call + " at " + base + " with " + token + ": " + status);
                    }
                }
            }
        }
        for (String admin : List.of(stack.targeting.url() + "/admin/rebuild",
                stack.releaseService.url() + "/admin/projections/rebuild")) {
            int status = given().header("Authorization", "").post(admin).statusCode();
            if (status != 401) {
                bad.add("POST " + admin + " without a token: " + status);
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void aViewerCannotWriteAndNoTokenReachesAnotherApp() {
        String viewer = "Bearer " + TestTokens.mint("vera", List.of("viewer"), List.of(app), Duration.ofMinutes(10));
        String otherApp = "Bearer " + TestTokens.mint("olga", List.of("admin"), List.of("another-app"),
                Duration.ofMinutes(10));
        String releaser = "Bearer " + TestTokens.mint("rita", List.of("releaser"), List.of("*"), Duration.ofMinutes(10));
        List<String> bad = new ArrayList<>();
        for (Call call : consoleCalls()) {
            boolean read = call.method().equals("GET") || call.path().endsWith("/simulate");
            boolean appPath = call.path().startsWith("/api/v1/apps/");
            int asViewer = status(stack.gatewayA.url(), call, viewer);
            if (read ? asViewer == 401 || asViewer == 403 : asViewer != 403) {
                bad.add(call + " as viewer: " + asViewer);
            }
            int asOther = status(stack.gatewayA.url(), call, otherApp);
            if (appPath && asOther != 403) {
                bad.add(call + " with a token for another app: " + asOther);
            }
        }
        int register = status(stack.gatewayA.url(), new Call("POST", "/api/v1/apps"), releaser);
        if (register != 403) {
            bad.add("a releaser registering an app: " + register);
        }
        assertThat(bad).isEmpty();
        given().baseUri(stack.gatewayA.url()).header("Authorization", viewer).get("/api/v1/apps").then()
                .statusCode(200).body("appKey", org.hamcrest.Matchers.contains(app));
    }

    @Test
    void theClientApiAndHealthStayOpen() {
        given().baseUri(stack.gatewayB.url()).header("Authorization", "")
                .get("/client/v1/apps/{app}/packages?platform=ANDROID&clientVersion=10.0", app).then().statusCode(200);
        for (String base : List.of(stack.gatewayA.url(), stack.packageService.url(), stack.releaseService.url(),
                stack.targeting.url())) {
            given().baseUri(base).header("Authorization", "").get("/q/health/ready").then().statusCode(200);
        }
    }

    private static boolean ownedBy(String base, Call call) {
        if (base.equals(stack.gatewayA.url())) {
            return true;
        }
        boolean release = call.path().contains("/release-tasks") || call.path().contains("/whitelists");
        boolean gateway = call.path().endsWith("/simulate");
        return !gateway && (base.equals(stack.releaseService.url()) == release);
    }
}
