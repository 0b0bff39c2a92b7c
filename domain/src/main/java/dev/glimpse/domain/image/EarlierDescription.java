package dev.glimpse.domain.image;

/**
 * A description made earlier for another image with the same input hash.
 *
 * @param source how the trail of the image that reuses it names the image it comes from: by id when
 *     both belong to one client, else without a name, so that no client learns of another's items
 */
public record EarlierDescription(String source, ImageDescription description) {}
