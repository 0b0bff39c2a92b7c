package dev.glimpse.domain.image;

import dev.glimpse.domain.task.AiTask;

/** An image with its current task, if it has one: what lists and detail views show. */
public record ImageListing(ImageAsset image, AiTask task) {}
