package dev.glimpse.web.console.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Chart.js configurations, as PrimeFaces' {@code p:chart} takes them: bar charts without animation,
 * so a live update redraws them in place, with whole numbers on the value axis.
 */
final class Charts {

  static final String BLUE = "#1d4ed8";
  static final String ORANGE = "#c2410c";
  static final String RED = "#b91c1c";
  static final String PURPLE = "#6d28d9";
  static final String GREY = "#4b5563";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One labelled series of values and its colour. */
  record Series(String label, List<? extends Number> values, String colour) {}

  private Charts() {}

  static Series series(String label, List<? extends Number> values, String colour) {
    return new Series(label, values, colour);
  }

  /** Bars side by side, one per series, for each label. */
  static String bars(String title, List<String> labels, List<Series> series) {
    return config(title, labels, series, false);
  }

  /** The series' bars stacked on each other, for each label. */
  static String stackedBars(String title, List<String> labels, List<Series> series) {
    return config(title, labels, series, true);
  }

  private static String config(
      String title, List<String> labels, List<Series> series, boolean stacked) {
    ObjectNode config = JSON.createObjectNode().put("type", "bar");
    ObjectNode data = config.putObject("data");
    ArrayNode labelNodes = data.putArray("labels");
    labels.forEach(labelNodes::add);
    ArrayNode datasets = data.putArray("datasets");
    for (Series one : series) {
      ObjectNode dataset = datasets.addObject().put("label", one.label());
      dataset.put("backgroundColor", one.colour());
      ArrayNode values = dataset.putArray("data");
      one.values().forEach(value -> values.add(value.doubleValue()));
    }
    ObjectNode options = config.putObject("options");
    options.put("animation", false).put("responsive", true).put("maintainAspectRatio", false);
    ObjectNode plugins = options.putObject("plugins");
    plugins.putObject("title").put("display", true).put("text", title);
    plugins.putObject("legend").put("display", series.size() > 1);
    ObjectNode scales = options.putObject("scales");
    scales.putObject("x").put("stacked", stacked);
    ObjectNode y = scales.putObject("y").put("stacked", stacked).put("beginAtZero", true);
    y.putObject("ticks").put("precision", 0);
    try {
      return JSON.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a chart's configuration cannot be written", e);
    }
  }
}
