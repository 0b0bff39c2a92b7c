package dev.glimpse.domain.support;

import java.util.List;

/** One page of a listing and the size of the whole. */
public record Page<T>(List<T> items, long total, int page, int size) {

  public Page {
    items = List.copyOf(items);
  }
}
