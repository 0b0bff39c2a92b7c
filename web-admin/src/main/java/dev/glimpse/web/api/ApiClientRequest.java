package dev.glimpse.web.api;

import java.time.Instant;

/**
 * A client to register: its name, whether it may manage the clients, and when it stops, if ever.
 */
public record ApiClientRequest(String name, Boolean admin, Instant expiresAt) {}
