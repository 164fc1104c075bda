package cn.gov.wuzhou.tolerance.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb in a temporary directory, a free port, trust authentication), which
 * the test may stop and start at will: never the shared server on 5432. Runs the server's programs as the
 * {@code postgres} user when the test runs as root (PostgreSQL refuses to run as root).
 */
public final class ScratchPostgres implements AutoCloseable {

  private final Path directory;
  private final Path data;
  private final int port;
  private final Path bin;

  private ScratchPostgres(Path directory, int port, Path bin) {
    this.directory = directory;
    this.data = directory.resolve("data");
    this.port = port;
    this.bin = bin;
  }

  /** Creates and starts a server; {@link #close()} stops it and removes its files. */
  public static ScratchPostgres start() throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("scratch-postgres-");
    ScratchPostgres server = new ScratchPostgres(directory, Nodes.freePort(), binaries());
    if (runsAsRoot()) {
      server.run("chown", "postgres", directory.toString());
    }
    server.runAsServer(server.bin.resolve("initdb").toString(), "-D", server.data.toString(), "-A", "trust",
        "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C");
    server.startServer();
    return server;
  }

  /** The JDBC URL of a database on this server (created if needed). */
  public String database(String name) throws IOException, InterruptedException {
    runAsServer(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
        "-d", "postgres", "-c", "CREATE DATABASE " + name);
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
  }

  /** Stops the server as an administrator would (fast: open connections are cut, nothing is lost). */
  public void stopServer() throws IOException, InterruptedException {
    runAsServer(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
  }

  public void startServer() throws IOException, InterruptedException {
    runAsServer(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", directory.resolve("server.log").toString(),
        "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100",
        "start");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    runAsServer(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private void runAsServer(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (runsAsRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    run(full.toArray(String[]::new));
  }

  private void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("commands.log").toFile())).start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: see " + directory.resolve("commands.log")
          + "\n" + Files.readString(directory.resolve("commands.log")));
    }
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  // the newest installed server (Debian: /usr/lib/postgresql/<version>/bin)
  private static Path binaries() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.max(Comparator.comparingInt(path -> Integer.parseInt(path.getFileName().toString())))
          .map(path -> path.resolve("bin")).orElseThrow(() -> new IllegalStateException("no PostgreSQL installed"));
    }
  }
}
