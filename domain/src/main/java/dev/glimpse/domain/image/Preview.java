package dev.glimpse.domain.image;

/**
 * An image's prepared variant, kept once and reused by every later attempt: a JPEG of at most 600
 * px a side, and whether the original had transparent areas (the JPEG no longer shows them).
 */
public record Preview(byte[] jpeg, int width, int height, boolean transparent) {}
