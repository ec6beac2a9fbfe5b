package dev.rollgate.packages.rest;

import dev.rollgate.packages.persistence.AppEntity;

import java.time.Instant;

public record AppView(String appKey, String name, Instant createdAt) {

    static AppView of(AppEntity app) {
        return new AppView(app.appKey, app.name, app.createdAt);
    }
}
