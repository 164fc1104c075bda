package cn.gov.wuzhou.tolerance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.wuzhou.tolerance.prefiling.Plans;
import cn.gov.wuzhou.tolerance.support.ProcessTest;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A filing that ends leaves none of its variables at runtime, bytes included, and all of them in its history;
 * one that goes on keeps them.
 */
@ProcessTest
class EndedInstanceVariablesTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void anEndedFilingLeavesNoRuntimeVariablesNorTheirBytesAndKeepsItsHistory() {
    ProcessInstance ending = Plans.filedByCommerceClerk(engine);
    ProcessInstance goingOn = Plans.filedByCommerceClerk(engine);
    // a value kept as bytes: its ACT_GE_BYTEARRAY row references nothing, the variable row references it
    runtimeService.setVariable(ending.getId(), "scannedPage", Variables.byteArrayValue(new byte[] {1, 2, 3}));
    String bytes = jdbc.queryForObject("SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ? AND NAME_ = ?",
        String.class, ending.getId(), "scannedPage");
    complete(task(ending), withVariables("prefilingDecision", "REGISTERED"));
    complete(task(goingOn), withVariables("prefilingDecision", "REGISTERED"));
    execute(job(ending));
    Map<String, Object> before = runtimeService.getVariables(ending.getId());
    int ofTheOther = runtimeVariables(goingOn);

    complete(task(ending));

    assertThat(ending).isEnded();
    assertThat(runtimeVariables(ending)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY WHERE ID_ = ?", Integer.class, bytes)).isZero();
    assertThat(runtimeVariables(goingOn)).isEqualTo(ofTheOther);
    Map<String, Object> history = historyService.createHistoricVariableInstanceQuery().processInstanceId(ending.getId())
        .disableBinaryFetching().list().stream().filter(variable -> variable.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
    assertThat(history).containsKeys(before.keySet().stream().filter(name -> !name.equals("scannedPage"))
            .toArray(String[]::new))
        .containsEntry("prefilingDecision", "REGISTERED").containsEntry("planTitle", Plans.valid().get("planTitle"));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(ending.getId())
        .variableName("scannedPage").singleResult().getValue()).isEqualTo(new byte[] {1, 2, 3});
  }

  private int runtimeVariables(ProcessInstance instance) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ?", Integer.class,
        instance.getId());
  }

}
