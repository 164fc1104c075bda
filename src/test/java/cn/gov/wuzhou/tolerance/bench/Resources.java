package cn.gov.wuzhou.tolerance.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a phase cost the machine: peak heap (sampled every 50 ms, and the JVM's own peak of the
 * heap pools), connection-pool use, CPU of the whole process and of the load generator's threads
 * (clerk threads and the HTTP client's), which share the same two cores.
 */
final class Resources implements AutoCloseable {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final BenchSystem system;
  private final Thread sampler;
  private final long startNanos = System.nanoTime();
  private final long startCpu = OS.getProcessCpuTime();
  private final long[] startMachine = machineJiffies();
  private final long startGc = Growth.gcMillis();
  private final Map<Long, Long> httpThreadsCpuAtStart = httpClientThreadsCpu();
  final LongAdder clerkCpuNanos = new LongAdder();
  private volatile boolean running = true;
  private long peakHeap;
  private int peakActive;
  private int peakWaiting;
  private long samples;
  private long waitingSamples;

  Resources(BenchSystem system) {
    this.system = system;
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    this.sampler = new Thread(this::sample, "bench-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (running) {
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      int[] pool = system.poolUsage();
      synchronized (this) {
        peakHeap = Math.max(peakHeap, used);
        peakActive = Math.max(peakActive, pool[0]);
        peakWaiting = Math.max(peakWaiting, pool[1]);
        samples++;
        if (pool[1] > 0) {
          waitingSamples++;
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Called by each clerk thread when it finishes. */
  void addCurrentThreadCpu() {
    clerkCpuNanos.add(THREADS.getCurrentThreadCpuTime());
  }

  /**
   * CPU figures in % of all cores over the phase; {@code otherProcessesCpuPct}: what the rest of the
   * machine used meanwhile (another build or server on the same cores makes the timings worse).
   */
  record Usage(double peakHeapMb, double heapPoolsPeakMb, double maxHeapMb, double processCpuPct,
      double loadGeneratorCpuPct, double processCpuSeconds, double loadGeneratorCpuSeconds, double machineBusyPct,
      double otherProcessesCpuPct, double gcPct, int peakActiveConnections, int peakWaitingForConnection, double shareWaiting,
      int poolSize) {}

  /** busy and total jiffies of the whole machine, from /proc/stat (zeros elsewhere). */
  static long[] machineJiffies() {
    try {
      String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (Exception e) {
      return new long[] {0, 0};
    }
  }

  Usage stop() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double wall = (System.nanoTime() - startNanos) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    double cpuSeconds = (OS.getProcessCpuTime() - startCpu) / 1e9;
    double cpu = cpuSeconds / wall / cores * 100;
    long[] machine = machineJiffies();
    double machineBusy = machine[1] == startMachine[1] ? 0
        : (double) (machine[0] - startMachine[0]) / (machine[1] - startMachine[1]) * 100;
    long http = 0;
    for (Map.Entry<Long, Long> entry : httpClientThreadsCpu().entrySet()) {
      http += entry.getValue() - httpThreadsCpuAtStart.getOrDefault(entry.getKey(), 0L);
    }
    double generatorSeconds = (clerkCpuNanos.sum() + http) / 1e9;
    double generator = generatorSeconds / wall / cores * 100;
    long poolsPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    synchronized (this) {
      return new Usage(peakHeap / 1048576.0, poolsPeak / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0, cpu, generator, cpuSeconds, generatorSeconds, machineBusy,
          Math.max(0, machineBusy - cpu), (Growth.gcMillis() - startGc) / 10.0 / wall, peakActive, peakWaiting,
          samples == 0 ? 0 : (double) waitingSamples / samples, system.poolUsage()[2]);
    }
  }

  private static Map<Long, Long> httpClientThreadsCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("HttpClient")) {
        long time = THREADS.getThreadCpuTime(info.getThreadId());
        if (time > 0) {
          cpu.put(info.getThreadId(), time);
        }
      }
    }
    return cpu;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
