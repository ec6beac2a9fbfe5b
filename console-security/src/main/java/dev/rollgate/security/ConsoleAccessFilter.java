package dev.rollgate.security;

import dev.rollgate.contracts.json.ContractsJson;
import dev.rollgate.contracts.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks the bearer token of every console and operations request, before any route runs, in the gateway
 * (also for the calls it forwards) and again in each service. No, expired, wrongly signed or garbage
 * token: 401; a token without the role or the app: 403. It then sets {@link #ACTOR_HEADER} to the token's
 * subject, replacing whatever the caller sent, so that events name who really acted.
 */
@ApplicationScoped
public class ConsoleAccessFilter {

    public static final String ACTOR_HEADER = "X-Rollgate-Actor";
    private static final Logger LOG = Logger.getLogger(ConsoleAccessFilter.class);
    /** After Quarkus's authentication handler (which installs the deferred identity), before every route. */
    private static final int PRIORITY = 50;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!ConsoleAccess.guards(path)) {
            ctx.next();
            return;
        }
        if (ctx.request().getHeader("Authorization") == null) {
            refuse(ctx, 401, "Unauthorized", "a bearer token is required");
            return;
        }
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            refuse(ctx, 401, "Unauthorized", "the token could not be checked");
            return;
        }
        // The body must wait for the verdict: arriving while the token is checked, it would be lost.
        ctx.request().pause();
        identity.subscribe().with(id -> {
            if (id == null || id.isAnonymous() || !(id.getPrincipal() instanceof JsonWebToken jwt)) {
                refuse(ctx, 401, "Unauthorized", "the token is not a valid bearer token");
                return;
            }
            Caller caller = callerOf(jwt);
            Verdict verdict = ConsoleAccess.decide(ctx.request().method().name(), path, caller);
            if (!verdict.allowed()) {
                refuse(ctx, 403, "Forbidden", verdict.reason());
                return;
            }
            ctx.request().headers().set(ACTOR_HEADER, caller.subject());
            ctx.put(Caller.class.getName(), caller);
            ctx.request().resume();
            ctx.next();
        }, failure -> {
            if (!(failure instanceof AuthenticationFailedException)) {
                LOG.debugf("token check failed: %s", failure.getMessage());
            }
            refuse(ctx, 401, "Unauthorized", "the token is invalid, expired or not signed by this installation");
        });
    }

    /** The caller the filter let through on this request; null on paths it does not guard. */
    public static Caller callerOf(RoutingContext ctx) {
        return ctx.get(Caller.class.getName());
    }

    static Caller callerOf(JsonWebToken jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : jwt.getGroups()) {
            Role.named(group).ifPresent(roles::add);
        }
        return new Caller(jwt.getName() == null ? jwt.getSubject() : jwt.getName(), roles, apps(jwt.getClaim("apps")));
    }

    private static Set<String> apps(Object claim) {
        Set<String> apps = new HashSet<>();
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                apps.add(unquoted(String.valueOf(value)));
            }
        } else if (claim instanceof String single) {
            apps.add(single);
        }
        return apps;
    }

    /** JSON-P strings print with their quotes. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static void refuse(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
            if (status == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
            }
            ctx.response().end(ContractsJson.mapper().writeValueAsString(Problem.of(status, title, detail)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
