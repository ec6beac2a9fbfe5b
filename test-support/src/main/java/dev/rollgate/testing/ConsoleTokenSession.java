package dev.rollgate.testing;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every test request without an Authorization header gets an admin token of the test run's key, so that
 * tests about what the API does need not say who calls; a test about tokens sets its own header. A global
 * RestAssured filter, installed once per test JVM (JUnit finds this listener through ServiceLoader), because
 * Quarkus's tests reset RestAssured's request specification and configuration around each test.
 */
public final class ConsoleTokenSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        install();
    }

    static void install() {
        String token = TestTokens.admin("tester");
        if (token != null) {
            RestAssured.filters(new DefaultToken("Bearer " + token));
        }
    }

    private record DefaultToken(String authorization) implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext ctx) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", authorization);
            }
            return ctx.next(request, response);
        }
    }
}
