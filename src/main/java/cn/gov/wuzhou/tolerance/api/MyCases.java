package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.Views.Code;
import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.CaseNumbers;
import cn.gov.wuzhou.tolerance.registry.CaseNumbers.CaseFilter;
import cn.gov.wuzhou.tolerance.registry.CaseNumbers.NumberedCase;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.registry.Page;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * 我的事项: the cases and pre-filings a caller sees, as the case file decides who sees a case (the unit its own,
 * the agencies what they worked on or what the registry's scope shows them), each with its state, the steps
 * it waits on with agency and due date, and its decision once made.
 */
@Component
class MyCases {

  /** An open step of a case: what it is, who it waits on, until when. */
  record Waiting(String step, String agency, String assignee, OffsetDateTime due, boolean overdue) {}

  record CaseSummary(String caseNo, String caseInstanceId, String processKey, String processName, String unitName,
      String officialName, String planTitle, boolean open, String state, OffsetDateTime started, OffsetDateTime ended,
      List<Waiting> waitingOn, OffsetDateTime due, String decisionNo, Code determination, String prefilingNo,
      String caseFile) {}

  private static final List<String> SHOWN = List.of("unitName", "officialName", "planTitle", "determination",
      "prefilingNo", "prefilingDecision");

  private final CaseNumbers caseNumbers;
  private final DecisionRegistry decisions;
  private final PrefilingRegistry prefilings;
  private final HistoryService history;
  private final IdentityService identity;
  private final CommandExecutor commandExecutor;
  private final PersonNames personNames;
  private final Today today;

  MyCases(CaseNumbers caseNumbers, DecisionRegistry decisions, PrefilingRegistry prefilings,
      ProcessEngineConfigurationImpl engine, PersonNames personNames, Today today) {
    this.caseNumbers = caseNumbers;
    this.decisions = decisions;
    this.prefilings = prefilings;
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.commandExecutor = engine.getCommandExecutorTxRequired();
    this.personNames = personNames;
    this.today = today;
  }

  CaseFilter filter(Caller caller, Boolean open, String caseNo, String official, String unit,
      LocalDate from, LocalDate to) {
    return new CaseFilter(caller.units(), caller.groups(), caller.userId(), open, caseNo, official, unit, from, to,
        today.now().getOffset());
  }

  Page<CaseSummary> list(CaseFilter filter, Paging paging) {
    Page<NumberedCase> page = caseNumbers.search(filter, paging.page(), paging.size());
    Function<String, String> people = personNames.lookup();
    Map<String, String> groupNames = new HashMap<>();
    // the caller sees these cases: their state is read without the caller's engine checks, as the case file is
    List<CaseSummary> items = unchecked(() -> page.items().stream()
        .map(numbered -> summary(numbered, people, groupNames)).toList());
    return new Page<>(items, page.page(), page.size(), page.total());
  }

  private CaseSummary summary(NumberedCase numbered, Function<String, String> people, Map<String, String> groupNames) {
    String id = numbered.processInstanceId();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    Map<String, Object> variables = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(id).variableNameIn(SHOWN.toArray(String[]::new))
        .disableCustomObjectDeserialization().list()
        .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    boolean open = instance != null && instance.getEndTime() == null;

    Instant now = today.now().toInstant();
    List<Waiting> waiting = history.createHistoricTaskInstanceQuery().rootProcessInstanceId(id).unfinished()
        .orderByHistoricActivityInstanceStartTime().asc().list().stream()
        .map(task -> new Waiting(task.getName(), agencies(task, groupNames), people.apply(task.getAssignee()),
            time(task.getDueDate()), task.getDueDate() != null && task.getDueDate().toInstant().isBefore(now)))
        .toList();
    OffsetDateTime due = waiting.stream().map(Waiting::due).filter(d -> d != null).min(OffsetDateTime::compareTo).orElse(null);

    Optional<DecisionRecord> decision = decisions.findByProcessInstance(id);
    Code determination = decision.map(DecisionRecord::determination).or(() -> text(variables.get("determination")))
        .map(code -> Views.code(Determination.class, code)).orElse(null);
    String prefilingNo = "prefiling".equals(numbered.processKey())
        ? prefilings.findByProcessInstance(id).map(record -> record.prefilingNo()).orElse(null)
        : text(variables.get("prefilingNo")).orElse(null);
    return new CaseSummary(numbered.caseNo(), id, numbered.processKey(), CaseFiles.processName(numbered.processKey(), null),
        text(variables.get("unitName")).orElse(numbered.unitGroup()), text(variables.get("officialName")).orElse(null),
        text(variables.get("planTitle")).orElse(null), open, state(numbered.processKey(), open, waiting, determination, prefilingNo),
        time(instance == null ? null : instance.getStartTime()), time(instance == null ? null : instance.getEndTime()),
        waiting, due, decision.map(DecisionRecord::decisionNo).orElse(null), determination, prefilingNo,
        "/api/cases/" + numbered.caseNo());
  }

  private static String state(String processKey, boolean open, List<Waiting> waiting, Code determination,
      String prefilingNo) {
    if (open) {
      return waiting.isEmpty() ? "办理中（系统处理）" : "办理中";
    }
    if (determination != null) {
      return "已办结：" + determination.label();
    }
    if ("prefiling".equals(processKey)) {
      return prefilingNo != null ? "已登记备案" : "已办结";
    }
    return "已办结";
  }

  /** The agencies a task is offered to, by name. */
  private String agencies(HistoricTaskInstance task, Map<String, String> groupNames) {
    return history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).type(IdentityLinkType.CANDIDATE).list()
        .stream().map(HistoricIdentityLinkLog::getGroupId).filter(group -> group != null).distinct()
        .map(group -> groupNames.computeIfAbsent(group, this::groupName)).reduce((a, b) -> a + "、" + b).orElse(null);
  }

  private String groupName(String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null ? groupId : group.getName();
  }

  private static Optional<String> text(Object value) {
    return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
  }

  private OffsetDateTime time(Date moment) {
    return moment == null ? null : today.local(moment.toInstant().atOffset(ZoneOffset.UTC));
  }

  private <T> T unchecked(Supplier<T> query) {
    return commandExecutor.execute(context -> {
      context.disableAuthorizationCheck();
      return query.get();
    });
  }
}
