package dev.glimpse.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Response times in milliseconds, measured by clients calling at once, each call after the last.
 */
final class Latencies {

  private final double[] sorted;

  private Latencies(double[] samples) {
    this.sorted = samples.clone();
    Arrays.sort(sorted);
  }

  /**
   * {@code clients} clients each make {@code each} rounds; a round makes every call of the client's
   * {@code calls} once, in turn, timing each (its answer must be {@code expected}). Each client
   * makes its calls with a {@link GlimpseClient} of its own, given to {@code calls}. Returns the
   * latencies per call, in the order of the calls: calls measured in turn see the same load.
   */
  static List<Latencies> measure(
      int clients, int each, int expected, Function<GlimpseClient, List<IntSupplier>> calls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<double[][]>> work = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        List<IntSupplier> own = calls.apply(GlimpseClient.ofHttp11(TestEnvironment.API_KEY));
        work.add(pool.submit(() -> rounds(each, expected, own)));
      }
      double[][] all = new double[0][0];
      for (Future<double[][]> client : work) {
        double[][] done = client.get();
        if (all.length == 0) {
          all = new double[done.length][0];
        }
        for (int call = 0; call < done.length; call++) {
          all[call] = concat(all[call], done[call]);
        }
      }
      return Arrays.stream(all).map(Latencies::new).toList();
    } finally {
      pool.shutdownNow();
    }
  }

  private static double[][] rounds(int each, int expected, List<IntSupplier> calls) {
    double[][] millis = new double[calls.size()][each];
    for (int round = 0; round < each; round++) {
      for (int call = 0; call < calls.size(); call++) {
        long started = System.nanoTime();
        int status = calls.get(call).getAsInt();
        millis[call][round] = (System.nanoTime() - started) / 1e6;
        if (status != expected) {
          throw new AssertionError("a call answered " + status + ", not " + expected);
        }
      }
    }
    return millis;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** The {@code p}-quantile (0.95 for the 95th percentile), nearest rank. */
  double percentile(double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  int count() {
    return sorted.length;
  }
}
