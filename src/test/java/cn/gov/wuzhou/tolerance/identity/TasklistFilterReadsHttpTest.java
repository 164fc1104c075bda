package cn.gov.wuzhou.tolerance.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A filter's list reads the filter once per request: whoever may not read the filter is still refused, in every
 * request, also right after its owner listed it.
 */
@HttpTest
class TasklistFilterReadsHttpTest {

  @LocalServerPort int port;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  Rest rest;
  String privateFilter;

  @BeforeEach
  void ownFilter() {
    rest = new Rest(port);
    identityService.setAuthentication("admin", List.of(Agencies.ADMIN_GROUP));
    try {
      Filter filter = filterService.newTaskFilter("管理员自用 " + System.nanoTime())
          .setQuery(taskService.createTaskQuery().taskCandidateGroup("discipline-inspection"));
      privateFilter = filterService.saveFilter(filter).getId();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @AfterEach
  void removeFilter() {
    filterService.deleteFilter(privateFilter);
  }

  @Test
  void aFilterTheCallerMayNotReadIsRefusedInEveryRequest() {
    for (int i = 0; i < 6; i++) {
      assertThat(list("admin").status()).isEqualTo(200);
      assertThat(list("jiwei").status()).isEqualTo(403);
      assertThat(rest.post("jiwei", "/engine-rest/filter/" + privateFilter + "/count", Map.of()).status())
          .isEqualTo(403);
    }
    assertThat(filterService.getFilter(privateFilter)).isNotNull();
  }

  private Rest.Reply list(String user) {
    return rest.postHal(user, "/engine-rest/filter/" + privateFilter + "/list?firstResult=0&maxResults=15", Map.of());
  }
}
