package dev.rollgate.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * The same default token as {@link ConsoleTokenSession}, for {@code @QuarkusTest} classes: they run in
 * Quarkus's own class loader, with a RestAssured of their own that the session listener cannot reach.
 */
public final class ConsoleTokenCallback implements QuarkusTestBeforeEachCallback {

    private static volatile boolean installed;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!installed) {
            installed = true;
            ConsoleTokenSession.install();
        }
    }
}
