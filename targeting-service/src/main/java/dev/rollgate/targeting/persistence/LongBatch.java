package dev.rollgate.targeting.persistence;

import dev.rollgate.contracts.redis.DerivedKeys;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends any number of commands on one connection, in parts. A Vert.x connection refuses a batch of more
 * commands than it keeps handlers waiting for (2,048 by default: "Redis waiting queue is full"), and a
 * rebuild's switch renames every derived key and announces every segment in one MULTI/EXEC: past about a
 * thousand segments it could never switch. The parts go one after another on the same connection, so a
 * MULTI opened by one part is still open for the next, and Redis runs the whole transaction at EXEC.
 *
 * <p>Every part after the first starts with a read of a derived key ({@link DerivedNode}'s reason): a cluster
 * client sends a batch to the node of its keys, and a part that holds only PUBLISH and EXEC would otherwise go
 * to any node. Inside a MULTI that read is queued like the rest and adds an integer to EXEC's answer.
 */
final class LongBatch {

    /** Well under the connection's limit, so that the few commands of other callers still fit beside. */
    static final int PART = 1_000;

    private LongBatch() {
    }

    /** The answers to {@code requests}, in their order (without the reads added to place the parts). */
    static List<Response> send(RedisConnection connection, List<Request> requests) {
        if (requests.size() <= PART) {
            return connection.batchAndAwait(requests);
        }
        List<Response> answers = new ArrayList<>(requests.size());
        for (int from = 0; from < requests.size(); from += PART) {
            List<Request> part = new ArrayList<>(PART + 1);
            if (from > 0) {
                part.add(Request.cmd(Command.EXISTS).arg(DerivedKeys.LIVE.state()));
            }
            part.addAll(requests.subList(from, Math.min(requests.size(), from + PART)));
            List<Response> answered = connection.batchAndAwait(part);
            answers.addAll(from > 0 ? answered.subList(1, answered.size()) : answered);
        }
        return answers;
    }
}
