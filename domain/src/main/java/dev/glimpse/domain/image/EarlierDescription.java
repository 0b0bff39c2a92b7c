package dev.glimpse.domain.image;

/** A description made earlier for another image with the same input hash. */
public record EarlierDescription(String imageId, ImageDescription description) {}
