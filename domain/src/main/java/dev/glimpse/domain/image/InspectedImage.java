package dev.glimpse.domain.image;

/** What the header of an accepted upload says: its format and size in pixels. */
public record InspectedImage(ImageFormat format, int width, int height) {}
