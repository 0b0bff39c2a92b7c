package dev.glimpse.gateway;

/** Which provider, model and prompt version a gateway would use now: part of every input hash. */
public record ModelIdentity(String provider, String model, String promptVersion) {}
