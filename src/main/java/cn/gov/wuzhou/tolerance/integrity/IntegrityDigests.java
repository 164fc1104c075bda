package cn.gov.wuzhou.tolerance.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The digests of the chain head, one small text file per daily check in {@code tolerance.integrity.digest-directory}
 * (named by date and number of entries): kept outside the database, so that a chain rewritten from some record on
 * (every hash recomputed) no longer has the head a digest recorded. A digest file is never overwritten; the same text
 * is printed on the digest page for filing on paper.
 */
@Component
public class IntegrityDigests {

  /** The chain had {@code entries} entries and this head hash on that day. */
  public record Digest(LocalDate date, long entries, String head) {

    public String text() {
      return "容错纠错登记簿存证摘要\n日期 " + date + "\n条目数 " + entries + "\n链头 " + head + "\n";
    }
  }

  private static final Pattern FILE = Pattern.compile("integrity-digest-(\\d{4}-\\d{2}-\\d{2})-\\d+\\.txt");

  private final Path directory;

  public IntegrityDigests(IntegrityProperties properties) {
    this.directory = Path.of(properties.digestDirectory());
  }

  /** Writes the digest unless the same day and head are on file; returns the digest on file. */
  public Digest write(Digest digest) {
    Path file = directory.resolve("integrity-digest-" + digest.date() + "-" + digest.entries() + ".txt");
    try {
      Files.createDirectories(directory);
      if (!Files.exists(file)) {
        Path partial = Files.createTempFile(directory, "integrity-digest-", ".partial");
        Files.writeString(partial, digest.text(), StandardCharsets.UTF_8);
        try {
          Files.move(partial, file);
        } catch (FileAlreadyExistsException anotherCheckWasFirst) {
          Files.delete(partial);
        }
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("存证摘要无法写入 " + file.toAbsolutePath(), e);
    }
  }

  /** Every digest on file, oldest first. */
  public List<Digest> all() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Digest> digests = new ArrayList<>();
      for (Path file : files.filter(f -> FILE.matcher(f.getFileName().toString()).matches()).sorted().toList()) {
        digests.add(read(file));
      }
      return digests;
    } catch (IOException e) {
      throw new UncheckedIOException("存证摘要目录无法读取 " + directory.toAbsolutePath(), e);
    }
  }

  public Path directory() {
    return directory;
  }

  private static Digest read(Path file) throws IOException {
    Map<String, String> fields = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int space = line.indexOf(' ');
      if (space > 0) {
        fields.put(line.substring(0, space), line.substring(space + 1).strip());
      }
    }
    Matcher name = FILE.matcher(file.getFileName().toString());
    name.matches();
    try {
      return new Digest(LocalDate.parse(fields.getOrDefault("日期", name.group(1))),
          Long.parseLong(fields.get("条目数")), fields.get("链头"));
    } catch (RuntimeException unreadable) {
      // a digest nobody can read is as bad as one that does not match: the check reports it
      return new Digest(LocalDate.parse(name.group(1)), -1, "");
    }
  }
}
