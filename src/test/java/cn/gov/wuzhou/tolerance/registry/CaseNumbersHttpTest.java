package cn.gov.wuzhou.tolerance.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.identity.TaskCards;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** 事项编号: every case and pre-filing numbered as it starts, as the business key, gap-free per year. */
@HttpTest
class CaseNumbersHttpTest {

  @LocalServerPort int port;
  @Autowired Today today;
  @Autowired CaseNumbers caseNumbers;
  @Autowired PlatformTransactionManager transactionManager;
  Rest rest;
  Desk desk;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest);
  }

  @Test
  void aCaseIsNumberedAsItStartsAndTheNumberIsItsBusinessKey() {
    Reply first = start("commerce-clerk", CaseDriver.validReport(today.date()));
    Reply second = start("commerce-clerk", CaseDriver.validReport(today.date()));

    String number = first.text("businessKey");
    assertThat(number).matches("WZSX-" + today.date().getYear() + "-\\d{4}");
    assertThat(second.text("businessKey")).isEqualTo(next(number));
    JsonNode history = rest.get("admin", "/engine-rest/history/process-instance/" + first.text("id")).body();
    assertThat(history.path("businessKey").asText()).isEqualTo(number);
    assertThat(caseNumbers.instanceOf(number)).contains(first.text("id"));
  }

  @Test
  void aRefusedStartUsesNoNumber() {
    String before = start("commerce-clerk", CaseDriver.validReport(today.date())).text("businessKey");

    Map<String, Object> future = CaseDriver.validReport(today.date());
    future.put("discoveredOn", today.date().plusDays(3).toString());
    assertThat(rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(future)).status()).isEqualTo(400);
    Map<String, Object> smuggled = CaseDriver.validReport(today.date());
    smuggled.put("recommendation", "TOLERATE");
    assertThat(rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(smuggled)).status()).isEqualTo(400);
    Map<String, Object> otherUnit = CaseDriver.validReport(today.date());
    otherUnit.put("unitGroup", "unit-commerce");
    assertThat(rest.post("tengxian-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(otherUnit)).status()).isEqualTo(400);

    assertThat(start("commerce-clerk", CaseDriver.validReport(today.date())).text("businessKey")).isEqualTo(next(before));
  }

  @Test
  void aNumberDrawnInATransactionThatRollsBackIsDrawnAgain() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    String drawn = transaction.execute(status -> {
      status.setRollbackOnly();
      return caseNumbers.draw("toleranceCase", "rolled-back-" + System.nanoTime(), "unit-commerce", today.now());
    });

    String after = start("commerce-clerk", CaseDriver.validReport(today.date())).text("businessKey");

    assertThat(drawn).startsWith("WZSX-" + today.date().getYear() + "-");
    assertThat(after).isEqualTo(drawn);
  }

  @Test
  void concurrentStartsGetDistinctConsecutiveNumbers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<String>> starts = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        Callable<String> start = () -> start("commerce-clerk", CaseDriver.validReport(today.date())).text("businessKey");
        starts.add(pool.submit(start));
      }
      List<Integer> sequence = new ArrayList<>();
      for (Future<String> start : starts) {
        sequence.add(Integer.parseInt(start.get().substring(10)));
      }
      sequence.sort(null);
      assertThat(sequence).doesNotHaveDuplicates();
      assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).isEqualTo(sequence.size() - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPreFilingIsNumberedAtItsStartAndRegisteredUnderTheSameNumber() {
    Map<String, Object> plan = new LinkedHashMap<>(Map.of("planTitle", "试点 " + System.nanoTime() % 100000,
        "planSummary", "试行。", "workCategory", "BUSINESS_ENVIRONMENT", "innovationNature", "EXPLORATORY",
        "riskAssessment", "风险可控。", "plannedStart", today.date().plusDays(10).toString(),
        "filingAuthority", "discipline-inspection"));
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/prefiling/start",
        Rest.withVariables(plan));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    String number = started.text("businessKey");
    assertThat(number).matches("WZBA-\\d{4}-\\d{4}");

    desk.work("jiwei", "discipline-inspection", started.text("id"), "reviewPrefiling",
        Map.of("prefilingDecision", "REGISTERED"));
    String receipt = desk.claim("commerce-clerk", "unit-commerce", started.text("id"), "receivePrefilingReceipt");
    assertThat(rest.get("commerce-clerk", "/engine-rest/task/" + receipt + "/form-variables").body()
        .path("prefilingNo").path("value").asText()).isEqualTo(number);
  }

  @Test
  void theTaskCardAndDescriptionNameTheCase() {
    Map<String, Object> report = CaseDriver.validReport(today.date());
    String official = "韦" + System.nanoTime() % 100000;
    report.put("officialName", official);
    Reply started = start("commerce-clerk", report);

    String task = desk.claim("jiwei", "discipline-inspection", started.text("id"), "acknowledgeByDisciplineInspection");
    JsonNode shown = rest.get("jiwei", "/engine-rest/task/" + task).body();
    assertThat(shown.path("description").asText())
        .isEqualTo(started.text("businessKey") + " · 市商务局 · " + official);
    JsonNode card = rest.get("jiwei", "/engine-rest/task/" + task + "/localVariables").body();
    assertThat(card.path(TaskCards.CARD_VARIABLE).path("value").asText())
        .isEqualTo(started.text("businessKey") + " · 市商务局 · " + official);
  }

  private Reply start(String clerk, Map<String, Object> report) {
    Reply reply = rest.post(clerk, "/engine-rest/process-definition/key/toleranceCase/start", Rest.withVariables(report));
    assertThat(reply.status()).as("start: %s", reply.body()).isEqualTo(200);
    return reply;
  }

  private static String next(String number) {
    int sequence = Integer.parseInt(number.substring(10)) + 1;
    return number.substring(0, 10) + "%04d".formatted(sequence);
  }
}
