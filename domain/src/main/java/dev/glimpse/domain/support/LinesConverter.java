package dev.glimpse.domain.support;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * Stores a short list of one-line strings (labels) in one text column, a line each; an empty list
 * is stored as null.
 */
@Converter
public class LinesConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> lines) {
    return lines == null || lines.isEmpty() ? null : String.join("\n", lines);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return column == null || column.isEmpty() ? List.of() : List.of(column.split("\n"));
  }
}
