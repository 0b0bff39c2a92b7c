package dev.glimpse.domain.image;

/** A label and how many of the listed images carry it: one entry of the label facet. */
public record LabelCount(String label, long images) {}
