package dev.rollgate.gateway.client;

import java.util.List;

/** The client API's answer: the segment's revision, the versions to run, when to ask again. */
public record ClientAnswer(long revision, List<ClientPackage> packages, int nextCheckAfterSeconds) {
}
