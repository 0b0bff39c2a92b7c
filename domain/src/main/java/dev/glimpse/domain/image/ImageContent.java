package dev.glimpse.domain.image;

/** The bytes of an image, or of its preview, with their media type. */
public record ImageContent(byte[] bytes, String mediaType) {}
