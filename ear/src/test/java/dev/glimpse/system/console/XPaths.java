package dev.glimpse.system.console;

/** Text as an XPath 1.0 string literal, whatever quotes it holds. */
final class XPaths {

  private XPaths() {}

  /** {@code text} quoted for an XPath expression: in one kind of quote, or joined by concat(). */
  static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
