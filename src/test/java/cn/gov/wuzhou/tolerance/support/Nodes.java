package cn.gov.wuzhou.tolerance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nodes of the packaged application ({@code target/tolerance-*.jar}) as separate processes on a PostgreSQL database,
 * each on a free port, logging to {@code target/cluster-<name>.log}, its digests in {@code target/<name>-digests}.
 */
public final class Nodes {

  // generous: on a CI machine shared with other builds a node has taken over three minutes to start
  static final long STARTUP_MILLIS = 300_000;

  private final List<Process> running = new ArrayList<>();

  /** Starts a node and waits until it answers; returns a client of it. */
  public Rest startAndAwait(String name, String databaseUrl) throws IOException, InterruptedException {
    int port = freePort();
    awaitUp(port, start(name, port, databaseUrl, Map.of()));
    return new Rest(port);
  }

  /** Starts a node with extra environment variables (such as the connection pool's settings). */
  public Process start(String name, int port, String databaseUrl, Map<String, String> environment) throws IOException {
    Path log = Path.of("target", "cluster-" + name + ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", applicationJar(), "--server.port=" + port, "--tolerance.node-name=" + name,
        "--tolerance.integrity.digest-directory=" + Path.of("target", name + "-digests").toAbsolutePath())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("SPRING_DATASOURCE_URL", databaseUrl);
    builder.environment().put("SPRING_DATASOURCE_USERNAME", PostgresTestDatabase.user());
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", PostgresTestDatabase.password());
    builder.environment().putAll(environment);
    Process process = builder.start();
    running.add(process);
    return process;
  }

  public void awaitUp(int port, Process process) throws InterruptedException {
    Rest rest = new Rest(port);
    long deadline = System.currentTimeMillis() + STARTUP_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      assertThat(process.isAlive()).as("node on port %d is running (see target/cluster-*.log)", port).isTrue();
      try {
        if (rest.get("admin", "/engine-rest/user/count").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // connection refused while the node starts
      }
      Thread.sleep(500);
    }
    throw new AssertionError("node on port " + port + " did not start");
  }

  /** Kills every node started here (SIGKILL: nothing is shut down in order). */
  public void stopAll() throws InterruptedException {
    for (Process process : running) {
      process.destroyForcibly().waitFor();
    }
    running.clear();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String applicationJar() throws IOException {
    try (var jars = Files.list(Path.of("target"))) {
      return jars.map(Path::toString)
          .filter(name -> name.endsWith(".jar") && name.contains("tolerance-"))
          .findFirst().map(name -> new File(name).getAbsolutePath())
          .orElseThrow(() -> new IllegalStateException("no application jar in target/: run mvn package first"));
    }
  }
}
