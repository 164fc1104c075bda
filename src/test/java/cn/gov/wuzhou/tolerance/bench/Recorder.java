package cn.gov.wuzhou.tolerance.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Latencies (nanoseconds) and failures per request kind, from many threads. */
final class Recorder {

  static final List<String> KINDS = List.of("start", "task list", "claim", "complete");

  private final Map<String, Samples> samples = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final LongAdder emptyLists = new LongAdder();

  void record(String kind, long nanos) {
    samples.computeIfAbsent(kind, k -> new Samples()).add(nanos);
  }

  void failure(String kind) {
    failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  void emptyList() {
    emptyLists.increment();
  }

  long emptyLists() {
    return emptyLists.sum();
  }

  long requests() {
    return samples.values().stream().mapToLong(Samples::size).sum();
  }

  Map<String, Stats> stats() {
    Map<String, Stats> result = new LinkedHashMap<>();
    for (String kind : KINDS) {
      if (samples.containsKey(kind)) {
        result.put(kind, Stats.of(samples.get(kind).toArray(), failures(kind)));
      }
    }
    samples.keySet().stream().filter(k -> !KINDS.contains(k)).sorted()
        .forEach(k -> result.put(k, Stats.of(samples.get(k).toArray(), failures(k))));
    return result;
  }

  long failures(String kind) {
    LongAdder adder = failures.get(kind);
    return adder == null ? 0 : adder.sum();
  }

  long failures() {
    return failures.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Percentiles in milliseconds. */
  record Stats(long count, long failures, double mean, double p50, double p95, double p99, double max) {

    static Stats of(long[] nanos, long failures) {
      if (nanos.length == 0) {
        return new Stats(0, failures, 0, 0, 0, 0, 0);
      }
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
      return new Stats(sorted.length, failures, mean, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
          sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile. */
    static double pct(long[] sorted, double p) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] / 1e6;
    }
  }

  private static final class Samples {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    synchronized long[] toArray() {
      return Arrays.copyOf(values, size);
    }

    synchronized int size() {
      return size;
    }
  }
}
