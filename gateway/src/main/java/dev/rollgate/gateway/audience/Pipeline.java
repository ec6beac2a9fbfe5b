package dev.rollgate.gateway.audience;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends one client request's commands to Redis in one round trip, and gives their answers in order. A batch
 * reaches one node of a cluster only, while a request's whitelist checks (in the derived keys' hash slot) and
 * its time-window claims (each task in a slot of its own) may lie on several: on a cluster the commands go
 * as one batch per hash tag, all at once. On one server they go as one batch, as before.
 */
final class Pipeline {

    /** A command and the key that places it. */
    record Keyed(String key, Request request) {
    }

    private final boolean cluster;

    Pipeline(boolean cluster) {
        this.cluster = cluster;
    }

    Uni<List<Response>> send(Redis redis, List<Keyed> commands) {
        Map<String, List<Integer>> byTag = new LinkedHashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            byTag.computeIfAbsent(cluster ? hashTag(commands.get(i).key()) : "", tag -> new ArrayList<>()).add(i);
        }
        if (byTag.size() == 1) {
            return redis.batch(commands.stream().map(Keyed::request).toList());
        }
        List<List<Integer>> groups = List.copyOf(byTag.values());
        List<Uni<List<Response>>> batches = groups.stream()
                .map(group -> redis.batch(group.stream().map(i -> commands.get(i).request()).toList()))
                .toList();
        return Uni.combine().all().unis(batches).with(answers -> {
            Response[] inOrder = new Response[commands.size()];
            for (int g = 0; g < groups.size(); g++) {
                @SuppressWarnings("unchecked")
                List<Response> answered = (List<Response>) answers.get(g);
                for (int i = 0; i < answered.size(); i++) {
                    inOrder[groups.get(g).get(i)] = answered.get(i);
                }
            }
            return Arrays.asList(inOrder);
        });
    }

    /**
     * What Redis hashes to place a key: the part between its first {@code {} and the next {@code }}, when
     * that part is not empty; else the whole key. Keys of one tag share a slot.
     */
    static String hashTag(String key) {
        int open = key.indexOf('{');
        if (open >= 0) {
            int close = key.indexOf('}', open + 1);
            if (close > open + 1) {
                return key.substring(open + 1, close);
            }
        }
        return key;
    }
}
