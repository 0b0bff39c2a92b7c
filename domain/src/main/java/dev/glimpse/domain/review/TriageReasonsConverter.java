package dev.glimpse.domain.review;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores a set of triage reasons in one column as their names, comma-separated; a name no longer
 * known is dropped on reading.
 */
@Converter
public class TriageReasonsConverter implements AttributeConverter<Set<TriageReason>, String> {

  @Override
  public String convertToDatabaseColumn(Set<TriageReason> reasons) {
    return reasons == null || reasons.isEmpty()
        ? null
        : reasons.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  @Override
  public Set<TriageReason> convertToEntityAttribute(String column) {
    Set<TriageReason> reasons = EnumSet.noneOf(TriageReason.class);
    if (column != null && !column.isEmpty()) {
      for (String name : column.split(",")) {
        TriageReason.named(name).ifPresent(reasons::add);
      }
    }
    return reasons;
  }
}
