package dev.glimpse.web.api;

import java.util.List;

/** One page of a listing. */
public record PageView<T>(List<T> items, long total, int page, int size) {}
