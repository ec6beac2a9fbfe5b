package dev.rollgate.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who the device is and what it says of itself when it asks the gateway: the platform and the app's own
 * version (required), the user and device ids (a grayscale release reaches whitelisted ids, and a time
 * window counts clients by them), and the attributes targeting rules read.
 */
public final class DeviceContext {

    private final String platform;
    private final String clientVersion;
    private final String userId;
    private final String deviceId;
    private final String city;
    private final String model;
    private final String network;
    private final String osVersion;
    private final Map<String, String> attributes;

    private DeviceContext(Builder builder) {
        if (!"ANDROID".equals(builder.platform) && !"IOS".equals(builder.platform)) {
            throw new IllegalArgumentException("platform must be ANDROID or IOS, not " + builder.platform);
        }
        if (builder.clientVersion == null || builder.clientVersion.isEmpty()) {
            throw new IllegalArgumentException("clientVersion is required: the app's own version, such as 10.2.0");
        }
        this.platform = builder.platform;
        this.clientVersion = builder.clientVersion;
        this.userId = builder.userId;
        this.deviceId = builder.deviceId;
        this.city = builder.city;
        this.model = builder.model;
        this.network = builder.network;
        this.osVersion = builder.osVersion;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.attributes));
    }

    public static Builder builder(String platform, String clientVersion) {
        return new Builder(platform, clientVersion);
    }

    /** A copy with another network, as an app reports a change of connection. */
    public DeviceContext withNetwork(String network) {
        return toBuilder().network(network).build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder(platform, clientVersion).userId(userId).deviceId(deviceId).city(city)
                .model(model).network(network).osVersion(osVersion);
        attributes.forEach(builder::attribute);
        return builder;
    }

    /** The query parameters of the client API, in a stable order. */
    Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("platform", platform);
        parameters.put("clientVersion", clientVersion);
        putIfSet(parameters, "userId", userId);
        putIfSet(parameters, "deviceId", deviceId);
        putIfSet(parameters, "city", city);
        putIfSet(parameters, "model", model);
        putIfSet(parameters, "network", network);
        putIfSet(parameters, "osVersion", osVersion);
        attributes.forEach((name, value) -> parameters.put("attr." + name, value));
        return parameters;
    }

    private static void putIfSet(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parameters.put(name, value);
        }
    }

    public String platform() {
        return platform;
    }

    public String userId() {
        return userId;
    }

    public String deviceId() {
        return deviceId;
    }

    public static final class Builder {
        private final String platform;
        private final String clientVersion;
        private String userId;
        private String deviceId;
        private String city;
        private String model;
        private String network;
        private String osVersion;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String platform, String clientVersion) {
            this.platform = platform;
            this.clientVersion = clientVersion;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder deviceId(String deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        public Builder city(String city) {
            this.city = city;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder network(String network) {
            this.network = network;
            return this;
        }

        public Builder osVersion(String osVersion) {
            this.osVersion = osVersion;
            return this;
        }

        /** A custom attribute a {@code CUSTOM} rule reads ({@code attr.<name>} on the wire). */
        public Builder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        public DeviceContext build() {
            return new DeviceContext(this);
        }
    }
}
