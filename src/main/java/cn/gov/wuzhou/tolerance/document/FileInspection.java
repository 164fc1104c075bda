package cn.gov.wuzhou.tolerance.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * What a file is, by its content, as Apache Tika's detector tells it (magic numbers, and for zip containers the
 * container detection: ODF by its {@code mimetype} part), and what a container holds: the parts of an Office Open
 * XML or OpenDocument file, each detected by its content too. A container holding a program, a web page, a script
 * or macros, or whose directory does not match its entries (what one reader sees and another does not), is refused
 * by {@link CaseDocuments} whatever its name says.
 */
final class FileInspection {

  private static final TikaConfig TIKA = TikaConfig.getDefaultConfig();
  private static final Detector DETECTOR = TIKA.getDetector();
  private static final MediaTypeRegistry TYPES = TIKA.getMediaTypeRegistry();

  private static final MediaType ZIP = MediaType.application("zip");
  private static final MediaType COMPOUND = MediaType.application("x-tika-msoffice");
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final String CONTENT_TYPES = "[Content_Types].xml";

  // what a document must never carry: programs, pages and scripts a clerk's computer would run or render
  private static final List<MediaType> FORBIDDEN_TYPES = types(
      "text/html", "application/xhtml+xml", "message/rfc822", "multipart/related", "application/x-msdownload",
      "application/x-dosexec", "application/x-executable", "application/x-elf", "application/x-sharedlib",
      "application/x-mach-o", "application/x-msi", "application/java-archive", "application/java-vm",
      "application/x-sh", "application/x-bat", "application/javascript", "text/javascript", "application/x-ms-shortcut",
      "application/hta", "application/vnd.ms-office.vbaproject");
  private static final Set<String> FORBIDDEN_EXTENSIONS = Set.of("exe", "dll", "com", "scr", "msi", "bat", "cmd",
      "ps1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "jar", "class", "html", "htm", "xhtml", "shtml", "mht",
      "mhtml", "lnk", "sh", "cpl", "pif", "reg", "url");
  private static final Pattern CONTENT_TYPE = Pattern.compile("ContentType\\s*=\\s*\"([^\"]*)\"");
  // a part's head, as much as its detection reads (a zip inside is read whole to look into it)
  private static final int HEAD = 8 * 1024;
  private static final long MAX_INFLATED = 256L * 1024 * 1024;
  private static final int MAX_PARTS = 10_000;
  private static final int MAX_DEPTH = 3;

  /** A part a file must not hold, and why, in a clerk's words. */
  record Forbidden(String part, String reason) {}

  private final MediaType type;
  private final List<String> contentTypes = new ArrayList<>();
  private final List<byte[]> compoundContent;
  private Forbidden forbidden;
  private long inflated;

  private FileInspection(byte[] content) {
    this.type = detect(content, null);
    this.compoundContent = isA(type, COMPOUND) ? List.of(content) : List.of();
    if (isA(type, ZIP)) {
      inspectZip(content, "", 0);
    }
  }

  static FileInspection of(byte[] content) {
    return new FileInspection(content);
  }

  /** The type Tika detects, without any regard to the name. */
  boolean is(String mediaType) {
    return type.equals(MediaType.parse(mediaType));
  }

  /** An Office Open XML file whose main part is of this type. */
  boolean ooxmlWithMainPart(String mainPartType) {
    return isA(type, ZIP) && contentTypes.contains(mainPartType);
  }

  /** A compound file (Word 97, Excel 97, WPS) holding a stream of this name. */
  boolean compoundWith(String streamName) {
    // the directory sectors name the streams in UTF-16; the name alone tells the formats apart
    return !compoundContent.isEmpty()
        && indexOf(compoundContent.get(0), streamName.getBytes(StandardCharsets.UTF_16LE)) >= 0;
  }

  Optional<Forbidden> forbidden() {
    return Optional.ofNullable(forbidden);
  }

  private void inspectZip(byte[] zip, String prefix, int depth) {
    List<String> directory = centralDirectory(zip);
    List<String> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null && forbidden == null; entry = in.getNextEntry()) {
        if (entries.size() >= MAX_PARTS) {
          refuse(prefix + entry.getName(), "部分过多");
          return;
        }
        entries.add(entry.getName());
        boolean whole = CONTENT_TYPES.equals(entry.getName()) && depth == 0;
        byte[] part = read(in, whole, prefix + entry.getName());
        if (forbidden == null && startsWith(part, ZIP_MAGIC) && depth < MAX_DEPTH) {
          // an embedded workbook or archive: looked into in turn
          inspectZip(part, prefix + entry.getName() + "/", depth + 1);
        }
        if (forbidden == null) {
          inspectPart(prefix + entry.getName(), part.length > HEAD && !whole ? Arrays.copyOf(part, HEAD) : part, whole);
        }
      }
    } catch (IOException | IllegalArgumentException malformed) {
      refuse(prefix.isEmpty() ? "（压缩目录）" : prefix, "压缩格式损坏");
      return;
    }
    if (forbidden == null && !new LinkedHashSet<>(directory).equals(new LinkedHashSet<>(entries))) {
      // Office reads the directory at the end, other readers the entries in order: both must see the same parts
      refuse(prefix.isEmpty() ? "（压缩目录）" : prefix, "目录与内容不一致");
    }
  }

  private void inspectPart(String name, byte[] head, boolean contentTypesPart) {
    String leaf = name.substring(name.lastIndexOf('/') + 1);
    int dot = leaf.lastIndexOf('.');
    String extension = dot < 0 ? "" : leaf.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (leaf.equalsIgnoreCase("vbaProject.bin") || leaf.equalsIgnoreCase("vbaData.xml")) {
      refuse(name, "宏代码");
    } else if (FORBIDDEN_EXTENSIONS.contains(extension)) {
      refuse(name, "可执行程序、脚本或网页");
    } else if (FORBIDDEN_TYPES.stream().anyMatch(forbiddenType -> isA(detect(head, null), forbiddenType))) {
      refuse(name, "可执行程序、脚本或网页（" + detect(head, null) + "）");
    } else if (contentTypesPart) {
      Matcher declared = CONTENT_TYPE.matcher(new String(head, StandardCharsets.UTF_8));
      while (declared.find()) {
        String contentType = declared.group(1).strip().toLowerCase(Locale.ROOT);
        contentTypes.add(contentType);
        if (contentType.contains("macroenabled") || contentType.contains("vbaproject")
            || FORBIDDEN_TYPES.stream().anyMatch(forbiddenType -> contentType.startsWith(forbiddenType.toString()))) {
          refuse(name, "声明了宏、程序或网页（" + contentType + "）");
          return;
        }
      }
    }
  }

  // The part's head, or the whole part if asked or if it is a zip itself (to look into it); the rest is read through
  // too, so that what it inflates to counts against the limit.
  private byte[] read(InputStream in, boolean whole, String part) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    boolean keepAll = whole;
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      inflated += n;
      if (inflated > MAX_INFLATED) {
        refuse(part, "解压后过大");
        break;
      }
      if (keepAll || kept.size() < HEAD) {
        kept.write(buffer, 0, keepAll ? n : Math.min(n, HEAD - kept.size()));
        keepAll = keepAll || kept.size() >= ZIP_MAGIC.length && startsWith(kept.toByteArray(), ZIP_MAGIC);
      }
    }
    return kept.toByteArray();
  }

  private void refuse(String part, String reason) {
    if (forbidden == null) {
      forbidden = new Forbidden(part, reason);
    }
  }

  private static MediaType detect(byte[] content, String name) {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return DETECTOR.detect(in, metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isA(MediaType type, MediaType family) {
    return type.equals(family) || TYPES.isSpecializationOf(type, family);
  }

  // the zip's central directory: the names Office reads (no decompression)
  private static List<String> centralDirectory(byte[] content) {
    ByteBuffer zip = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
    int end = -1;
    // the end record is 22 bytes plus a comment of at most 65,535
    for (int i = content.length - 22; i >= Math.max(0, content.length - 22 - 65535); i--) {
      if (zip.getInt(i) == 0x06054b50) {
        end = i;
        break;
      }
    }
    List<String> names = new ArrayList<>();
    if (end < 0) {
      return names;
    }
    int entries = Short.toUnsignedInt(zip.getShort(end + 10));
    long position = Integer.toUnsignedLong(zip.getInt(end + 16));
    for (int i = 0; i < entries && position + 46 <= end; i++) {
      int at = (int) position;
      if (zip.getInt(at) != 0x02014b50) {
        break;
      }
      int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(zip.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(zip.getShort(at + 32));
      if (at + 46 + nameLength > end) {
        break;
      }
      names.add(new String(content, at + 46, nameLength, StandardCharsets.UTF_8));
      position = (long) at + 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static int indexOf(byte[] content, byte[] pattern) {
    outer:
    for (int i = 0; i <= content.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (content[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static List<MediaType> types(String... names) {
    return Arrays.stream(names).map(MediaType::parse).toList();
  }
}
