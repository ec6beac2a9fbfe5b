package dev.rollgate.gateway.console;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/apps, PACKAGE_SERVICE",
            "/api/v1/apps/shop, PACKAGE_SERVICE",
            "/api/v1/apps/shop/packages, PACKAGE_SERVICE",
            "/api/v1/apps/shop/packages/20000001/versions/1.0, PACKAGE_SERVICE",
            "/api/v1/apps/shop/signing-key, PACKAGE_SERVICE",
            "/api/v1/apps/shop/signing-key/x, PACKAGE_SERVICE",
            "/api/v1/apps/shop/release-tasks, RELEASE_SERVICE",
            "/api/v1/apps/shop/release-tasks/abc/pause, RELEASE_SERVICE",
            "/api/v1/apps/shop/whitelists/w/members, RELEASE_SERVICE",
            "/api/v1/apps/shop/simulate, GATEWAY",
            "/api/v1/apps/shop/simulate/more, NONE",
            "/api/v1/apps/shop/secrets, NONE",
            "/api/v1/appsx, NONE",
            "/api/v1/other, NONE",
    })
    void eachConsolePathHasOneOwner(String path, Owner owner) {
        assertThat(Owner.of(path)).isEqualTo(owner);
    }
}
