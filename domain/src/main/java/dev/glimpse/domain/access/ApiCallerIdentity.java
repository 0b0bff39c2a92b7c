package dev.glimpse.domain.access;

/** Who an API key belongs to: the client's name, and whether it may manage the clients. */
public record ApiCallerIdentity(String name, boolean admin) {}
