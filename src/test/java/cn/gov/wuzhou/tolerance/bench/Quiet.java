package cn.gov.wuzhou.tolerance.bench;

import java.lang.management.ManagementFactory;

/**
 * Waits, before a measured phase, until the rest of the machine is quiet (other builds and servers
 * on the same cores make every figure worse); gives up after {@code bench.quietWaitSeconds}.
 */
final class Quiet {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Quiet() {}

  /** Returns the share of all cores (%) the other processes used in the last window. */
  static double await(int maxSeconds, double thresholdPct) {
    long deadline = System.currentTimeMillis() + maxSeconds * 1000L;
    double others;
    boolean told = false;
    while (true) {
      others = othersOver(2000);
      if (others <= thresholdPct || System.currentTimeMillis() >= deadline) {
        break;
      }
      if (!told) {
        ToleranceCaseBenchmark.log(String.format("other processes use %.0f %% of the cores; waiting up to %d s for quiet",
            others, maxSeconds));
        told = true;
      }
    }
    if (told) {
      ToleranceCaseBenchmark.log(String.format("going on; other processes at %.0f %%", others));
    }
    return others;
  }

  static double othersOver(long millis) {
    long[] before = Resources.machineJiffies();
    long cpuBefore = OS.getProcessCpuTime();
    long start = System.nanoTime();
    CaseRun.sleep(millis);
    long[] after = Resources.machineJiffies();
    double wall = (System.nanoTime() - start) / 1e9;
    double mine = (OS.getProcessCpuTime() - cpuBefore) / 1e9 / wall / Runtime.getRuntime().availableProcessors() * 100;
    double machine = after[1] == before[1] ? 0 : (double) (after[0] - before[0]) / (after[1] - before[1]) * 100;
    return Math.max(0, machine - mine);
  }
}
