package dev.glimpse.system;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite server's GC log (-Xlog:gc): the heap in use after each collection, read from a mark on,
 * so that one benchmark's collections are told from another's.
 */
final class GcLog {

  /**
   * A collection: {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 310M->95M(512M)
   * 4.210ms}, or {@code Pause Full}. The remark and cleanup pauses of a concurrent cycle collect
   * nothing: what they log is the heap in use at that moment, new allocations included.
   */
  private static final Pattern COLLECTION =
      Pattern.compile("GC\\(\\d+\\) Pause (?:Young|Full) .*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final Path file;
  private long mark;

  GcLog(Path file) {
    this.file = file;
  }

  /** The suite server's log, written where arquillian.xml tells its JVM. */
  static GcLog ofSuiteServer() {
    return new GcLog(Path.of(System.getProperty("glimpse.test.suite-base"), "gc.log"));
  }

  /** Reads only what is logged from now on. */
  void mark() throws IOException {
    mark = Files.exists(file) ? Files.size(file) : 0;
  }

  /** The most heap in use after a collection since the mark, and how many collections, in MiB. */
  long[] peakAfterCollectionMiB() throws IOException {
    long peak = 0;
    long collections = 0;
    try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
      log.seek(mark);
      byte[] rest = new byte[(int) (log.length() - mark)];
      log.readFully(rest);
      Matcher collection = COLLECTION.matcher(new String(rest, StandardCharsets.UTF_8));
      while (collection.find()) {
        peak = Math.max(peak, Long.parseLong(collection.group(2)));
        collections++;
      }
    }
    return new long[] {peak, collections};
  }
}
