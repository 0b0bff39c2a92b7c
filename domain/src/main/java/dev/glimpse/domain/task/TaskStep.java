package dev.glimpse.domain.task;

/** A step of an attempt worth keeping in the audit trail: what happened, in a few words. */
public record TaskStep(String step, String message) {}
