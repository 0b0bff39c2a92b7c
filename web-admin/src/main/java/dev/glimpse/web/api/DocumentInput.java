package dev.glimpse.web.api;

/** The body of {@code POST} and {@code PUT /api/v1/documents}. */
public record DocumentInput(String title, String text, String language) {

  /** Refuses a missing title or text, and a language that is not a BCP 47 tag. */
  DocumentInput validated() {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title is required");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text is required");
    }
    String tag = language == null || language.isBlank() ? "en" : language.strip();
    if (!tag.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
      throw new IllegalArgumentException("language must be a BCP 47 tag such as 'en' or 'pt-BR'");
    }
    return new DocumentInput(title, text, tag);
  }
}
