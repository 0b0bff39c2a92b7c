package dev.glimpse.domain.blob;

/** Stored bytes with their media type. */
public record BlobContent(byte[] bytes, String mediaType) {}
