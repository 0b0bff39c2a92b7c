package dev.glimpse.domain.image;

/**
 * The outcome of an upload: the image, and whether it was already there under the same
 * Idempotency-Key (a replay), in which case nothing new was stored or enqueued.
 */
public record Registration(ImageListing listing, boolean replayed) {}
