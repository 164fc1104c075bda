package cn.gov.wuzhou.tolerance.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the webapps' pages load and say beyond Camunda's own: served, and in Chinese. */
@HttpTest
class WebappPolishHttpTest {

  @LocalServerPort int port;
  final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

  @Test
  void aWrongPasswordOnTheLoginPageIsSaidInChinese() throws Exception {
    String token = get("/camunda/api/admin/auth/user/default").headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=commerce-clerk&password=wrong-" + System.nanoTime()))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).isEqualTo(401);
    JsonNode body = new ObjectMapper().readTree(login.body());
    assertThat(body.path("message").asText()).isEqualTo("用户名或密码错误");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/camunda/app/shared/webapp-texts.js", "/camunda/app/shared/login.css",
      "/camunda/app/cockpit/scripts/case-file-link.js", "/camunda/app/tasklist/scripts/case-desk.js"})
  void theWebappsAdditionsAreServed(String path) throws Exception {
    assertThat(get(path).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"index.html", "cases.html", "case.html", "official.html", "stats.html", "rules.html"})
  void everyRegistryPageFitsAPhone(String page) throws Exception {
    HttpResponse<String> response = get("/registry/" + page);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
