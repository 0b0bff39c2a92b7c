package dev.glimpse.domain.review;

import dev.glimpse.domain.support.Texts;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stores the notes of a triage in one column, a line each: the reason's name, a tab, the sentence
 * (at most {@link #NOTE_LENGTH} characters). A reason no longer known is dropped on reading.
 */
@Converter
public class TriageNotesConverter implements AttributeConverter<Map<TriageReason, String>, String> {

  /** The longest note kept: a column of every reason's note stays within its length. */
  public static final int NOTE_LENGTH = 300;

  /** The column length that holds a note for every reason. */
  public static final int COLUMN_LENGTH = 6000;

  @Override
  public String convertToDatabaseColumn(Map<TriageReason, String> notes) {
    return notes == null || notes.isEmpty()
        ? null
        : notes.entrySet().stream()
            .map(note -> note.getKey().name() + '\t' + bounded(note.getValue()))
            .collect(Collectors.joining("\n"));
  }

  private static String bounded(String note) {
    String line = note.replaceAll("\\s+", " ").strip();
    return Texts.bounded(line, NOTE_LENGTH);
  }

  @Override
  public Map<TriageReason, String> convertToEntityAttribute(String column) {
    Map<TriageReason, String> notes = new EnumMap<>(TriageReason.class);
    if (column != null) {
      for (String line : column.split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          String note = line.substring(tab + 1);
          TriageReason.named(line.substring(0, tab)).ifPresent(reason -> notes.put(reason, note));
        }
      }
    }
    return notes;
  }
}
