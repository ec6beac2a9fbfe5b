package dev.rollgate.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the gateway answered: the versions to run, its revision and entity tag, and when to ask again. */
public final class GatewayAnswer {

    private final long revision;
    private final Map<String, PackageOffer> packages;
    private final int nextCheckAfterSeconds;
    private final String etag;

    public GatewayAnswer(long revision, List<PackageOffer> packages, int nextCheckAfterSeconds, String etag) {
        this.revision = revision;
        Map<String, PackageOffer> byId = new LinkedHashMap<>();
        for (PackageOffer offer : packages) {
            byId.put(offer.packageId(), offer);
        }
        this.packages = Collections.unmodifiableMap(byId);
        this.nextCheckAfterSeconds = nextCheckAfterSeconds;
        this.etag = etag;
    }

    public long revision() {
        return revision;
    }

    /** By packageId, in the gateway's order. */
    public Map<String, PackageOffer> packages() {
        return packages;
    }

    public int nextCheckAfterSeconds() {
        return nextCheckAfterSeconds;
    }

    public String etag() {
        return etag;
    }
}
