package dev.rollgate.contracts.release;

/** What a whitelist's members are: the client's userId or its deviceId. */
public enum IdType {
    USER_ID,
    DEVICE_ID
}
