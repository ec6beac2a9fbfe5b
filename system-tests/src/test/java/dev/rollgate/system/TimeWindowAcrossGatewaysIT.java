package dev.rollgate.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Exactly usersCount clients ever hold a time-window slot, however many gateways they ask at once. */
class TimeWindowAcrossGatewaysIT {

    private static final int USERS_COUNT = 17;
    private static final int CLIENTS = 200;

    @Test
    void concurrentClientsOfTwoGatewaysGetExactlyUsersCountSlots() throws Exception {
        SystemStack stack = SystemStack.get();
        Console console = new Console(stack.gatewayA.url(), "tina");
        List<Clients> gateways = List.of(new Clients(stack.gatewayA.url()), new Clients(stack.gatewayB.url()));
        String app = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        console.post("/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"W\"}").statusCode(201);
        console.post("/api/v1/apps/" + app + "/packages", "{\"packageId\":\"20000001\",\"name\":\"P\",\"type\":\"NORMAL\"}")
                .statusCode(201);
        console.version(app, "20000001", "1.0.0");
        console.createTask(app, "{\"packageId\":\"20000001\",\"version\":\"1.0.0\",\"platform\":\"ANDROID\","
                + "\"releaseType\":\"GRAYSCALE\",\"grayscale\":{\"mode\":\"TIME_WINDOW\",\"endTime\":\""
                + Instant.now().plus(Duration.ofHours(1)) + "\",\"usersCount\":" + USERS_COUNT + "}}");
        // Both gateways know the task before the rush; the probe takes one slot and keeps it.
        for (Clients gateway : gateways) {
            gateway.await(Duration.ofSeconds(10), app, "20000001", "probe", null, "1.0.0");
        }

        List<String> holders = rush(gateways, app, "user-");
        assertThat(holders).hasSize(USERS_COUNT - 1);
        assertThat(rush(gateways, app, "user-")).containsExactlyInAnyOrderElementsOf(holders);
    }

    /** Every client asks once, half of them at each gateway, all at once; returns who got the version. */
    private static List<String> rush(List<Clients> gateways, String app, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String user = prefix + i;
                Clients gateway = gateways.get(i % 2);
                answers.add(pool.submit(() -> "1.0.0".equals(gateway.version(app, "20000001", user, null)) ? user : null));
            }
            List<String> holders = new ArrayList<>();
            for (Future<String> answer : answers) {
                String holder = answer.get();
                if (holder != null) {
                    holders.add(holder);
                }
            }
            return holders;
        } finally {
            pool.shutdownNow();
        }
    }
}
