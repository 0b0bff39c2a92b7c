package dev.glimpse.web.api;

import java.util.List;
import java.util.Locale;

/** Reads enum query parameters in any case, refusing unknown values with the accepted ones. */
final class Enums {

  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is not one of " + List.of(type.getEnumConstants()), e);
    }
  }
}
