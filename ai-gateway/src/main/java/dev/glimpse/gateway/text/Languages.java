package dev.glimpse.gateway.text;

import java.util.Locale;

/** Language tags as the text rules use them. */
public final class Languages {

  private Languages() {}

  /** The primary subtag of a BCP 47 tag, lower case ("pt" for "pt-BR"); empty for null. */
  public static String primary(String language) {
    if (language == null) {
      return "";
    }
    int dash = language.indexOf('-');
    return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
