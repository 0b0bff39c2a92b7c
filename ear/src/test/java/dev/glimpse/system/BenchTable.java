package dev.glimpse.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmarks' results: one row per figure, with the reference it is measured against in the
 * same run, their ratio and the target. Printed as a table and written as JSON with the machine the
 * run was on.
 */
final class BenchTable {

  /** What a row must meet: its ratio or its value, at least or at most {@code bound}. */
  record Target(boolean onRatio, boolean atLeast, double bound) {

    static Target ratioAtLeast(double bound) {
      return new Target(true, true, bound);
    }

    static Target ratioAtMost(double bound) {
      return new Target(true, false, bound);
    }

    static Target valueAtMost(double bound) {
      return new Target(false, false, bound);
    }

    static Target valueAtLeast(double bound) {
      return new Target(false, true, bound);
    }

    boolean metBy(double value, Double ratio) {
      double measured = onRatio ? (ratio == null ? Double.NaN : ratio) : value;
      return atLeast ? measured >= bound : measured <= bound;
    }

    @Override
    public String toString() {
      return (onRatio ? "ratio " : "") + (atLeast ? "≥ " : "≤ ") + format(bound);
    }
  }

  /**
   * A figure: {@code reference} (what it is measured against, named by {@code referenceName}) and
   * {@code target} may be null; {@code samples} is how many measurements it comes from.
   */
  record Row(
      String row,
      String name,
      double value,
      String unit,
      Double reference,
      String referenceName,
      Target target,
      long samples) {

    Double ratio() {
      return reference == null || reference == 0 ? null : value / reference;
    }

    Boolean met() {
      return target == null ? null : target.metBy(value, ratio());
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> settings = new LinkedHashMap<>();

  synchronized void add(Row row) {
    rows.add(row);
  }

  /** Records how a part of the run was set up (latency, slots, counts). */
  synchronized void setting(String name, Object value) {
    settings.put(name, value);
  }

  synchronized List<Row> missed() {
    return rows.stream().filter(row -> Boolean.FALSE.equals(row.met())).toList();
  }

  synchronized String table() {
    StringBuilder table = new StringBuilder();
    String format = "%-4s %-52s %16s  %-34s %8s  %-12s %s%n";
    table.append(
        String.format(
            Locale.ROOT, format, "row", "figure", "value", "reference", "ratio", "target", "met"));
    for (Row row : rows) {
      Double ratio = row.ratio();
      Boolean met = row.met();
      table.append(
          String.format(
              Locale.ROOT,
              format,
              row.row(),
              row.name(),
              format(row.value()) + " " + row.unit(),
              row.reference() == null
                  ? ""
                  : format(row.reference()) + " (" + row.referenceName() + ")",
              ratio == null ? "" : format(ratio),
              row.target() == null ? "" : row.target().toString(),
              met == null ? "" : met ? "met" : "MISSED"));
    }
    return table.toString();
  }

  synchronized void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    List<Map<String, Object>> results = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("row", row.row());
      json.put("name", row.name());
      json.put("value", round(row.value()));
      json.put("unit", row.unit());
      if (row.reference() != null) {
        json.put("reference", round(row.reference()));
        json.put("referenceName", row.referenceName());
      }
      if (row.ratio() != null) {
        json.put("ratio", round(row.ratio()));
      }
      if (row.target() != null) {
        json.put("target", row.target().toString());
        json.put("met", row.met());
      }
      json.put("samples", row.samples());
      results.add(json);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("at", Instant.now().toString());
    document.put("machine", machine());
    document.put("settings", settings);
    document.put("results", results);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(directory.resolve("results.json").toFile(), document);
  }

  private static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      machine.put("memoryBytes", os.getTotalMemorySize());
    }
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("arch", System.getProperty("os.arch"));
    machine.put(
        "jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
    return machine;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  static String format(double value) {
    if (value != 0 && Math.abs(value) < 10) {
      return String.format(Locale.ROOT, "%.3g", value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
