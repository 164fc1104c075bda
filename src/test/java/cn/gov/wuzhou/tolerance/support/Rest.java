package cn.gov.wuzhou.tolerance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A small HTTP client for the tests: HTTP Basic as a given user, JSON in and out. */
public final class Rest {

  public static final String PASSWORD = "demo";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  public Rest(int port) {
    this.base = "http://localhost:" + port;
  }

  public record Reply(int status, JsonNode body) {
    public String text(String field) {
      return body.path(field).asText(null);
    }
  }

  public Reply get(String user, String path) {
    return get(user, PASSWORD, path);
  }

  public Reply get(String user, String password, String path) {
    return send(user, password, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Reply post(String user, String path, Object body) {
    return send(user, PASSWORD, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** Any method, with a JSON body or none. */
  public Reply send(String user, String method, String path, Object body) {
    return send(user, PASSWORD, method, path, body);
  }

  public Reply send(String user, String password, String method, String path, Object body) {
    HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(write(body));
    return send(user, password, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .method(method, content));
  }

  /** A body sent as it is, well-formed JSON or not. */
  public Reply sendRaw(String user, String method, String path, String body) {
    return send(user, PASSWORD, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A POST answered as Tasklist asks for it: HAL, with the task list's embedded variables. */
  public Reply postHal(String user, String path, Object body) {
    return send(user, PASSWORD, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/hal+json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** A file in a multipart/form-data request, as a browser's file input sends it. */
  public record FilePart(String fileName, String contentType, byte[] content) {}

  /** A multipart/form-data POST: the file (field {@code file}, if any) and text fields. */
  public Reply upload(String user, String path, FilePart file, Map<String, String> fields) {
    return send(user, PASSWORD, multipart(HttpRequest.newBuilder(URI.create(base + path)), file, fields));
  }

  /** Builds a multipart/form-data POST onto the request. */
  public static HttpRequest.Builder multipart(HttpRequest.Builder request, FilePart file, Map<String, String> fields) {
    String boundary = "----tolerance" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    if (file != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
          + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  /** A deployment as Camunda Modeler's deploy dialog sends it: every file a part of its own. */
  public Reply deploy(String user, String engineRest, String name, List<FilePart> files) {
    String boundary = "----tolerance" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n")
        .getBytes(StandardCharsets.UTF_8));
    for (FilePart file : files) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.fileName() + "\"; filename=\""
          + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(user, PASSWORD, HttpRequest.newBuilder(URI.create(base + engineRest + "/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A download: the status, the bytes and the headers. */
  public record Download(int status, byte[] body, HttpHeaders headers) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Download download(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    authenticate(request, user, PASSWORD);
    try {
      HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Camunda's variable format: {@code {"name": {"value": ...}}}. */
  public static ObjectNode variables(Map<String, ?> values) {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((name, value) -> variables.putObject(name).set("value", JSON.valueToTree(value)));
    return variables;
  }

  public static ObjectNode withVariables(Map<String, ?> values) {
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables(values));
    return body;
  }

  /** Polls until the condition holds, for work the job executor does in the background. */
  public static void await(String what, Supplier<Boolean> condition) {
    await(what, 20, condition);
  }

  public static void await(String what, int seconds, Supplier<Boolean> condition) {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (!condition.get()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what);
      }
    }
  }

  private Reply send(String user, String password, HttpRequest.Builder request) {
    authenticate(request, user, password);
    return send(CLIENT, request);
  }

  /** Sends the request with the given client (with its cookies, say) and reads the JSON answer. */
  public static Reply send(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body as JSON; a body that is not JSON (the test then fails on it) as one text node. */
  public static JsonNode parse(String body) {
    if (body.isBlank()) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  private static void authenticate(HttpRequest.Builder request, String user, String password) {
    if (user != null) {
      String credentials = user + ":" + password;
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
