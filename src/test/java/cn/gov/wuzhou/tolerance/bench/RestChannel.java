package cn.gov.wuzhou.tolerance.bench;

import cn.gov.wuzhou.tolerance.bench.CaseScripts.Clerk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clerks over HTTP, with the requests Tasklist sends: the 本机构待办 filter's first page as HAL
 * (the form Tasklist asks for, with the count and the filter's variable columns embedded), claim,
 * and submit-form. Two ways in:
 * <ul>
 *   <li>{@code BASIC}: {@code /engine-rest} with HTTP Basic on every request (API clients);</li>
 *   <li>{@code SESSION}: {@code /camunda/api/engine/engine/default}, the path Tasklist itself
 *       uses, logged in once per clerk (session cookie and CSRF token).</li>
 * </ul>
 */
final class RestChannel implements Channel {

  enum Auth { BASIC, SESSION }

  static final String FILTER_NAME = "本机构待办";
  static final String PASSWORD = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String server;
  private final String base;
  private final Auth auth;
  private final Recorder recorder;
  private final HttpClient client;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final String filterId;
  private final boolean hal;

  RestChannel(int port, Auth auth, Recorder recorder, boolean hal) {
    this.server = "http://localhost:" + port;
    this.base = server + (auth == Auth.BASIC ? "/engine-rest" : "/camunda/api/engine/engine/default");
    this.auth = auth;
    this.recorder = recorder;
    this.hal = hal;
    this.client = newClient(null);
    this.filterId = lookUpFilter(CaseScripts.UNIT);
  }

  @Override
  public String name() {
    return auth == Auth.BASIC ? "/engine-rest, HTTP Basic" : "/camunda/api/engine, Tasklist session";
  }

  String filterId() {
    return filterId;
  }

  @Override
  public String start(Clerk clerk, Map<String, Object> form) {
    Reply reply = send("start", clerk, post("/process-definition/key/toleranceCase/submit-form", withVariables(form)));
    expect(reply, 200, "start");
    return reply.json().path("id").asText();
  }

  @Override
  public List<TaskRow> list(Clerk clerk, String caseInstanceId, boolean deliberation) {
    ObjectNode query = JSON.createObjectNode();
    if (deliberation) {
      query.put("processDefinitionKey", "complexMatterDeliberation");
      ArrayNode variables = query.putArray("processVariables");
      variables.addObject().put("name", "caseInstanceId").put("operator", "eq").put("value", caseInstanceId);
    } else {
      query.put("processInstanceId", caseInstanceId);
    }
    return listPage("task list", clerk, query);
  }

  /** The filter's first page with an extending query (empty: the whole 本机构待办 of the clerk's group). */
  List<TaskRow> listPage(String kind, Clerk clerk, ObjectNode query) {
    return listPage(kind, clerk, query, hal);
  }

  List<TaskRow> listPage(String kind, Clerk clerk, ObjectNode query, boolean asHal) {
    HttpRequest.Builder request = post("/filter/" + filterId + "/list?firstResult=0&maxResults=15", query)
        .header("Accept", asHal ? "application/hal+json, application/json; q=0.5" : "application/json");
    Reply reply = send(kind, clerk, request);
    expect(reply, 200, kind);
    JsonNode body = reply.json();
    JsonNode tasks = asHal ? body.path("_embedded").path("task") : body;
    List<TaskRow> rows = new ArrayList<>();
    tasks.forEach(task -> rows.add(new TaskRow(task.path("id").asText(), task.path("taskDefinitionKey").asText())));
    return rows;
  }

  @Override
  public void claim(Clerk clerk, String taskId) {
    ObjectNode body = JSON.createObjectNode().put("userId", clerk.user());
    expect(send("claim", clerk, post("/task/" + taskId + "/claim", body)), 204, "claim");
  }

  @Override
  public void complete(Clerk clerk, String taskId, Map<String, Object> form) {
    expect(send("complete", clerk, post("/task/" + taskId + "/submit-form", withVariables(form))), 204, "complete");
  }

  private String lookUpFilter(Clerk clerk) {
    String name = URLEncoder.encode(FILTER_NAME, StandardCharsets.UTF_8);
    Reply reply = send(null, clerk, HttpRequest.newBuilder(URI.create(base + "/filter?resourceType=Task&name=" + name)).GET());
    expect(reply, 200, "filter lookup");
    if (reply.json().size() != 1) {
      throw new IllegalStateException("filter " + FILTER_NAME + " not found: " + reply.body());
    }
    return reply.json().get(0).path("id").asText();
  }

  private HttpRequest.Builder post(String path, JsonNode body) {
    try {
      return HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Reply send(String kind, Clerk clerk, HttpRequest.Builder request) {
    HttpClient via = client;
    request.timeout(Duration.ofSeconds(120));
    if (auth == Auth.BASIC) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((clerk.user() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    } else {
      Session session = sessions.computeIfAbsent(clerk.user(), this::login);
      via = session.client;
      request.header("X-XSRF-TOKEN", session.csrfToken);
    }
    String step = SqlCounter.currentStep();
    if (step != null) {
      request.header(StepLabels.HEADER, step);
    }
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = via.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      if (kind != null) {
        recorder.failure(kind);
      }
      throw new Refused(kind + ": " + e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (kind != null) {
      recorder.record(kind, System.nanoTime() - start);
    }
    return new Reply(response.statusCode(), response.body());
  }

  private void expect(Reply reply, int status, String kind) {
    if (reply.status() != status) {
      recorder.failure(kind);
      // a concurrent change to the same case (job executor vs. clerk) is worth another try, as a clerk would
      boolean retryable = reply.status() >= 500 || reply.body().contains("OptimisticLocking");
      throw new Refused(kind + " answered " + reply.status() + ": " + abbreviate(reply.body()), retryable);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }

  private static ObjectNode withVariables(Map<String, Object> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    values.forEach((name, value) -> variables.putObject(name).set("value", JSON.valueToTree(value)));
    return body;
  }

  private static HttpClient newClient(CookieManager cookies) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    if (cookies != null) {
      builder.cookieHandler(cookies);
    }
    return builder.build();
  }

  /** A Tasklist login: session cookie, then the CSRF token a GET hands out for the session. */
  private record Session(HttpClient client, String csrfToken) {}

  private Session login(String user) {
    HttpClient own = newClient(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    try {
      String token = fetchToken(own);
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
      HttpResponse<String> login = own.send(HttpRequest.newBuilder(
              URI.create(server + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 200) {
        throw new IllegalStateException("login of " + user + " answered " + login.statusCode() + ": " + login.body());
      }
      // the login starts a new session (session fixation protection), which needs its own token
      return new Session(own, fetchToken(own));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String fetchToken(HttpClient own) throws IOException, InterruptedException {
    HttpResponse<String> reply = own.send(HttpRequest.newBuilder(
        URI.create(server + "/camunda/api/admin/auth/user/default")).GET().build(), HttpResponse.BodyHandlers.ofString());
    return reply.headers().firstValue("X-XSRF-TOKEN")
        .orElseThrow(() -> new IllegalStateException("no CSRF token from the webapp: " + reply.statusCode()));
  }
}
