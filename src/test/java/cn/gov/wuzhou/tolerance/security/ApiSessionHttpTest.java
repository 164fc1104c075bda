package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api} from a browser logged in to Tasklist, as the 材料 tab calls it: the webapps' session is
 * accepted, and what changes something needs the session's CSRF token as well.
 */
@HttpTest
class ApiSessionHttpTest {

  static final FilePart PDF = new FilePart("情况说明.pdf", "application/pdf",
      "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Today today;
  Rest rest;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
  }

  @Test
  void aClerkLoggedInToTasklistListsAndAttachesWithTheSessionsToken() {
    String id = report();
    Browser clerk = new Browser("commerce-clerk");

    assertThat(clerk.get(documents(id)).status()).isEqualTo(200);
    Reply withoutToken = clerk.upload(documents(id), null);
    Reply forgedToken = clerk.upload(documents(id), "0123456789ABCDEF");
    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(withoutToken.text("message")).contains("X-XSRF-TOKEN");
    assertThat(forgedToken.status()).isEqualTo(403);
    assertThat(count(id)).isZero();

    Reply added = clerk.upload(documents(id), clerk.csrfToken());
    assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
    assertThat(added.text("uploadedBy")).isEqualTo("commerce-clerk");
    assertThat(count(id)).isEqualTo(1);
  }

  @Test
  void theSessionIsTheLoggedInUsersWithTheirRightsOnly() {
    String id = report();
    Browser otherUnit = new Browser("tengxian-clerk");

    assertThat(otherUnit.get(documents(id)).status()).isEqualTo(404);
    assertThat(otherUnit.upload(documents(id), otherUnit.csrfToken()).status()).isEqualTo(404);
    assertThat(count(id)).isZero();
  }

  @Test
  void credentialsSentWithTheRequestDecideOverTheSession() {
    String id = report();
    Browser clerk = new Browser("commerce-clerk");

    Reply reply = Rest.send(clerk.client, HttpRequest.newBuilder(URI.create(base() + documents(id)))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "staffing-nobody:wrong".getBytes(StandardCharsets.UTF_8))).GET());

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void afterLoggingOutTheSessionOpensNothing() {
    String id = report();
    Browser clerk = new Browser("commerce-clerk");
    clerk.logOut();

    assertThat(clerk.get(documents(id)).status()).isEqualTo(401);
  }

  @Test
  void aRegistryPageOpenedInTheSessionLearnsItsTokenFromTheUserItAsksFor() throws Exception {
    String id = report();
    Browser clerk = new Browser("commerce-clerk");

    HttpResponse<String> user = clerk.client.send(HttpRequest.newBuilder(
        URI.create(base() + "/camunda/api/admin/auth/user/default")).GET().build(), HttpResponse.BodyHandlers.ofString());
    String token = user.headers().firstValue("X-XSRF-TOKEN").orElseThrow(() -> new AssertionError("no token"));

    assertThat(token).isEqualTo(clerk.csrfToken());
    assertThat(clerk.upload(documents(id), token).status()).isEqualTo(201);
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(base() + "/camunda/api/admin/auth/user/default")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.headers().firstValue("X-XSRF-TOKEN")).isNotEqualTo(Optional.of(token));
  }

  /** A browser: cookies kept, logged in to Tasklist through the webapp's own login form. */
  class Browser {
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL).build();

    Browser(String user) {
      // Tasklist's page hands out the CSRF token; the login sends it back, as the login form does
      assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/tasklist/")).GET()).status())
          .isEqualTo(200);
      Reply login = send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", csrfToken())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
              + URLEncoder.encode(Rest.PASSWORD, StandardCharsets.UTF_8))));
      assertThat(login.status()).as("login of %s: %s", user, login.body()).isEqualTo(200);
      // the login starts a new session, whose token the next page of the webapp hands out
      send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default")).GET());
    }

    Reply get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    Reply upload(String path, String token) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return send(Rest.multipart(request, PDF, Map.of()));
    }

    void logOut() {
      send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default/logout"))
          .header("X-XSRF-TOKEN", csrfToken()).POST(HttpRequest.BodyPublishers.noBody()));
    }

    String csrfToken() {
      return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
          .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    private Reply send(HttpRequest.Builder request) {
      return Rest.send(client, request);
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private String report() {
    Reply reply = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(CaseDriver.validReport(today.date())));
    assertThat(reply.status()).as("start: %s", reply.body()).isEqualTo(200);
    return reply.text("id");
  }

  private static String documents(String processInstanceId) {
    return "/api/cases/" + processInstanceId + "/documents";
  }

  private long count(String caseInstanceId) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM case_document WHERE case_instance_id = ?", Long.class,
        caseInstanceId);
    return count == null ? 0 : count;
  }
}
