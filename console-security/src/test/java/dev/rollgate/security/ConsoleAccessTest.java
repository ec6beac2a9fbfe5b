package dev.rollgate.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleAccessTest {

    private static Caller caller(String role, String apps) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (!role.isEmpty()) {
            Role.named(role).ifPresent(roles::add);
        }
        return new Caller("someone", roles, Set.of(apps.split(";")));
    }

    @ParameterizedTest(name = "{0} {1} {2} as {3} on {4}")
    @CsvSource({
            // method, path, allowed, role, apps
            "GET,    /api/v1/apps,                                   true,  viewer,   shop",
            "POST,   /api/v1/apps,                                   false, releaser, *",
            "POST,   /api/v1/apps,                                   true,  admin,    shop",
            "GET,    /api/v1/apps/shop/packages,                     true,  viewer,   shop",
            "GET,    /api/v1/apps/shop/packages,                     false, admin,    news",
            "GET,    /api/v1/apps/shop/packages,                     true,  viewer,   *",
            "POST,   /api/v1/apps/shop/packages,                     false, viewer,   shop",
            "POST,   /api/v1/apps/shop/packages,                     true,  releaser, shop",
            "POST,   /api/v1/apps/shop/packages/20000001/versions,   true,  admin,    shop;news",
            "POST,   /api/v1/apps/shop/release-tasks/x/pause,        false, viewer,   *",
            "POST,   /api/v1/apps/shop/release-tasks/x/pause,        true,  releaser, *",
            "DELETE, /api/v1/apps/shop/whitelists/w,                 false, viewer,   shop",
            "DELETE, /api/v1/apps/shop/whitelists/w,                 true,  releaser, shop",
            "POST,   /api/v1/apps/shop/simulate,                     true,  viewer,   shop",
            "POST,   /api/v1/apps/shop/simulate,                     false, viewer,   news",
            "GET,    /api/v1/apps/shop/signing-key,                  true,  viewer,   shop",
            "PUT,    /api/v1/apps/shop/signing-key,                  false, releaser, shop",
            "PUT,    /api/v1/apps/shop/signing-key,                  true,  admin,    shop",
            "PUT,    /api/v1/apps/shop/signing-key,                  false, admin,    news",
            "POST,   /admin/rebuild,                                 false, releaser, *",
            "POST,   /admin/projections/rebuild,                     true,  admin,    *",
            "GET,    /api/v1/apps/shop/packages,                     false, '',       *",
            "GET,    /api/v1/apps/shop/packages,                     false, owner,    *",
    })
    void eachRoleDoesWhatApiMdSaysOnItsAppsOnly(String method, String path, boolean allowed, String role,
                                                String apps) {
        assertThat(ConsoleAccess.decide(method, path, caller(role, apps)).allowed()).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/apps, true", "/admin/rebuild, true", "/client/v1/apps/shop/packages, false",
            "/q/health/ready, false", "/q/metrics, false"})
    void onlyTheConsoleAndOperationsNeedAToken(String path, boolean guarded) {
        assertThat(ConsoleAccess.guards(path)).isEqualTo(guarded);
    }
}
