package dev.glimpse.gateway.text;

import dev.glimpse.gateway.Repair;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns text that may hold HTML or XML into the text a reader sees: tags, comments and the content
 * of scripts and styles go, with every attribute (event handlers included); entities are decoded
 * exactly once. Angle brackets that remain afterwards (a decoded {@code &lt;b&gt;}, a stray {@code
 * >}) are removed too, so the result can never be read as markup.
 */
final class Markup {

  private static final Pattern TAG_LIKE = Pattern.compile("</?[A-Za-z!?][^<>]{0,500}>");

  private Markup() {}

  /** The text a reader sees of {@code text}: tags, comments, scripts and styles go. */
  static String toText(String text, Set<Repair> repairs) {
    String plain = text;
    if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
      Element body = Jsoup.parseBodyFragment(text).body();
      TextCollector collector = new TextCollector(body);
      body.traverse(collector);
      plain = collector.text.toString();
      if (collector.markup) {
        repairs.add(Repair.MARKUP_REMOVED);
      } else if (!plain.equals(text)) {
        repairs.add(Repair.ENTITIES_DECODED);
      }
    }
    return plain;
  }

  /**
   * {@code text} without anything that could still be read as markup: tags an entity spelled out
   * ({@code &lt;b&gt;}) and stray angle brackets. Runs after Markdown, whose quotes start with
   * {@code >}.
   */
  static String withoutAngleBrackets(String text, Set<Repair> repairs) {
    if (text.indexOf('<') < 0 && text.indexOf('>') < 0) {
      return text;
    }
    String untagged = TAG_LIKE.matcher(text).replaceAll(" ");
    if (!untagged.equals(text)) {
      repairs.add(Repair.MARKUP_REMOVED);
    } else {
      repairs.add(Repair.CHARACTERS_REMOVED);
    }
    return untagged.replace('<', ' ').replace('>', ' ');
  }

  /** Collects text nodes; block elements and line breaks end a line. */
  private static final class TextCollector implements NodeVisitor {
    private final Element root;
    private final StringBuilder text = new StringBuilder();
    private boolean markup;

    TextCollector(Element root) {
      this.root = root;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        text.append(textNode.getWholeText());
      } else if (node instanceof Element element && element != root) {
        markup = true;
        if (element.isBlock() || element.nameIs("br")) {
          text.append('\n');
        }
      } else if (node instanceof Comment || node instanceof DataNode) {
        markup = true;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && element != root && element.isBlock()) {
        text.append('\n');
      }
    }
  }
}
