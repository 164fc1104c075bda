package cn.gov.wuzhou.tolerance.support;

import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A clerk logged into Tasklist, calling the engine API the webapps use ({@code /camunda/api/engine}). */
public final class WebappSession {

  private final HttpClient client = HttpClient.newBuilder()
      .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
  private final String base;
  private String csrfToken;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port + "/camunda/api";
  }

  public static WebappSession login(int port, String user) {
    WebappSession session = new WebappSession(port);
    session.csrfToken = session.token();
    Reply login = session.send(HttpRequest.newBuilder(URI.create(session.base + "/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Rest.PASSWORD)));
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + user + ": " + login);
    }
    // a login starts a new session, with a token of its own
    session.csrfToken = session.token();
    return session;
  }

  /** A request to the engine API, path as under {@code /engine-rest}. */
  public Reply engine(String method, String path, Object body) {
    HttpRequest.BodyPublisher content = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(Rest.write(body));
    return send(HttpRequest.newBuilder(URI.create(base + "/engine/engine/default" + path))
        .header("Content-Type", "application/json").method(method, content));
  }

  /** A GET of the webapps' API, path under {@code /camunda/api}. */
  public Reply get(String apiPath) {
    return send(HttpRequest.newBuilder(URI.create(base + apiPath)).GET());
  }

  private String token() {
    return fetch("/admin/auth/user/default").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
  }

  private HttpResponse<String> fetch(String path) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.header("X-XSRF-TOKEN", csrfToken).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), Rest.parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
