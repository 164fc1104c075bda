package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.Views.DecisionView;
import cn.gov.wuzhou.tolerance.api.Views.PrefilingView;
import cn.gov.wuzhou.tolerance.api.Views.ProtectionView;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.document.CaseAccess;
import cn.gov.wuzhou.tolerance.integrity.CaseRecords;
import cn.gov.wuzhou.tolerance.integrity.CaseRecords.RecordStatus;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.registry.PrefilingRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionService;
import cn.gov.wuzhou.tolerance.registry.DecisionServiceRegistry;
import cn.gov.wuzhou.tolerance.tolerancecase.OfficialSignature;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The case file (案卷) of a case or pre-filing: its facts, every step with agency, person and time from the
 * engine's history (so finished cases too), the opinions, and from the registry its decision, pre-filing and
 * protection notices.
 *
 * <p>Who may open it: whoever sees the case's documents ({@link CaseAccess}: the unit, the agencies that work or
 * worked on it, administrators), and whoever the registry shows the case's unit to (the read API's scope by the
 * caller's groups), so the page shows a case to exactly those the API shows its decision to. Anyone else gets the
 * same 404 as for an unknown id. Once allowed, the history is read without the caller's engine checks: an agency
 * that took note of a notice reads the steps before it as well.
 */
@Component
class CaseFiles {

  record Fact(String name, String label, String value) {}

  record Step(String name, String agency, String person, OffsetDateTime started, OffsetDateTime ended,
      List<Fact> written) {}

  record Opinion(String step, String agency, String person, OffsetDateTime on, String label, String text) {}

  /** A step of the 送达 of the 认定意见书: the unit's receipt, then the official's signature or refusal. */
  record Service(String step, String outcome, LocalDate on, String note, String person, OffsetDateTime recordedAt,
      String document) {}

  record CaseFileView(String caseNo, String caseInstanceId, String processKey, String processName, boolean open,
      OffsetDateTime started, OffsetDateTime ended, List<Fact> facts, List<Step> steps, List<Opinion> opinions,
      DecisionView decision, PrefilingView prefiling, List<ProtectionView> notices, List<Service> service,
      String documents, List<RecordStatus> records) {}

  private final CaseAccess access;
  private final DecisionRegistry decisions;
  private final PrefilingRegistry prefilings;
  private final ProtectionRegistry protections;
  private final DecisionServiceRegistry service;
  private final HistoryService history;
  private final IdentityService identity;
  private final CommandExecutor commandExecutor;
  private final PersonNames personNames;
  private final Today today;
  private final CaseRecords records;

  CaseFiles(CaseAccess access, DecisionRegistry decisions, PrefilingRegistry prefilings,
      ProtectionRegistry protections, DecisionServiceRegistry service, ProcessEngineConfigurationImpl engine,
      PersonNames personNames, Today today, CaseRecords records) {
    this.access = access;
    this.decisions = decisions;
    this.prefilings = prefilings;
    this.protections = protections;
    this.service = service;
    this.history = engine.getHistoryService();
    this.identity = engine.getIdentityService();
    this.commandExecutor = engine.getCommandExecutorTxRequired();
    this.personNames = personNames;
    this.today = today;
    this.records = records;
  }

  Optional<CaseFileView> open(String processInstanceId, Caller caller) {
    Optional<String> caseId = access.visible(processInstanceId, caller).map(CaseAccess.CaseFile::caseInstanceId)
        .or(() -> inScope(processInstanceId, caller));
    return caseId.map(id -> unchecked(() -> assemble(id)));
  }

  // the registry's scope: the unit of the case (its root instance's unitGroup) is one the caller's groups cover
  private Optional<String> inScope(String processInstanceId, Caller caller) {
    return unchecked(() -> {
      HistoricProcessInstance instance = instance(processInstanceId);
      if (instance == null) {
        return Optional.<String>empty();
      }
      String root = instance.getRootProcessInstanceId() == null ? instance.getId() : instance.getRootProcessInstanceId();
      HistoricVariableInstance unit = history.createHistoricVariableInstanceQuery()
          .processInstanceId(root).variableName("unitGroup").singleResult();
      return unit != null && unit.getValue() instanceof String group && caller.units().covers(group)
          ? Optional.of(root) : Optional.<String>empty();
    });
  }

  private CaseFileView assemble(String caseId) {
    HistoricProcessInstance root = instance(caseId);
    List<String> instances = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(caseId).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    Names names = new Names();

    Map<String, Object> variables = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(caseId).disableCustomObjectDeserialization()
        .list().forEach(variable -> variables.put(variable.getName(), variable.getValue()));
    List<Fact> facts = variables.keySet().stream().filter(CaseVocabulary::known)
        .sorted(Comparator.comparingInt(CaseVocabulary::order))
        .map(name -> fact(name, variables.get(name))).filter(fact -> !fact.value().isBlank()).toList();

    // what each step wrote: the variable updates made in the task's activity instance
    Map<String, Map<String, Object>> writtenByActivity = new HashMap<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceIdIn(instances.toArray(String[]::new))
        .variableUpdates().disableCustomObjectDeserialization().orderByTime().asc().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      if (update.getActivityInstanceId() != null && CaseVocabulary.known(update.getVariableName())) {
        writtenByActivity.computeIfAbsent(update.getActivityInstanceId(), key -> new LinkedHashMap<>())
            .put(update.getVariableName(), update.getValue());
      }
    }

    List<Step> steps = new ArrayList<>();
    List<Opinion> opinions = new ArrayList<>();
    // the report or plan is filed as the case starts
    steps.add(new Step(startName(root), text(variables.get("unitName")), names.user(root.getStartUserId()),
        time(root.getStartTime()), time(root.getStartTime()), List.of()));
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().rootProcessInstanceId(caseId)
        .orderByHistoricActivityInstanceStartTime().asc().list();
    for (HistoricTaskInstance task : tasks) {
      String agency = names.candidateGroups(task.getId());
      String person = names.user(task.getAssignee());
      List<Fact> written = task.getEndTime() == null ? List.of()
          : writtenByActivity.getOrDefault(task.getActivityInstanceId(), Map.of()).entrySet().stream()
              .map(entry -> fact(entry.getKey(), entry.getValue())).filter(fact -> !fact.value().isBlank()).toList();
      steps.add(new Step(task.getName(), agency, person, time(task.getStartTime()), time(task.getEndTime()), written));
      written.stream().filter(fact -> CaseVocabulary.OPINIONS.contains(fact.name()))
          .forEach(fact -> opinions.add(new Opinion(task.getName(), agency, person, time(task.getEndTime()),
              fact.label(), fact.value())));
    }

    Optional<DecisionView> decision = decisions.findByProcessInstance(caseId).map(DecisionView::of);
    Optional<PrefilingView> prefiling = prefilings.findByProcessInstance(caseId)
        .or(() -> Optional.ofNullable(variables.get("prefilingNo")).map(Object::toString).filter(no -> !no.isBlank())
            .flatMap(prefilings::find))
        .map(PrefilingView::of);
    List<ProtectionView> notices = decision.map(d -> protections.ofDecision(d.decisionNo()).stream()
        .map(notice -> ProtectionView.of(notice, names::user)).toList()).orElse(List.of());
    List<Service> served = decision.map(d -> service.ofDecision(d.decisionNo()).stream()
        .map(s -> new Service(DecisionService.RECEIPT.equals(s.step()) ? "单位签收认定意见书" : "当事人签收",
            s.outcome() == null ? null : OfficialSignature.valueOf(s.outcome()).label(), s.on(), s.note(),
            names.user(s.recordedBy()), today.local(s.recordedAt()),
            s.documentId() == null ? null : "/api/documents/" + s.documentId())).toList()).orElse(List.of());
    return new CaseFileView(root.getBusinessKey(), caseId, root.getProcessDefinitionKey(),
        processName(root.getProcessDefinitionKey(), root.getProcessDefinitionName()), root.getEndTime() == null,
        time(root.getStartTime()), time(root.getEndTime()), facts, steps, opinions, decision.orElse(null),
        prefiling.orElse(null), notices, served, "/api/cases/" + caseId + "/documents",
        // the case's own registry records, each checked against the hash chain (已核验)
        records.of(caseId, prefilings.findByProcessInstance(caseId).map(PrefilingRecord::prefilingNo).orElse(null),
            decision.map(DecisionView::decisionNo).orElse(null)));
  }

  private static Fact fact(String name, Object value) {
    return new Fact(name, CaseVocabulary.label(name), CaseVocabulary.text(name, value));
  }

  static String processName(String processKey, String definitionName) {
    return switch (processKey) {
      case "toleranceCase" -> "容错纠错事项";
      case "prefiling" -> "事前备案";
      default -> definitionName;
    };
  }

  private static String startName(HistoricProcessInstance instance) {
    return switch (instance.getProcessDefinitionKey()) {
      case "toleranceCase" -> "报告错情";
      case "prefiling" -> "提交备案方案";
      default -> "发起";
    };
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private OffsetDateTime time(Date moment) {
    return moment == null ? null : today.local(moment.toInstant().atOffset(ZoneOffset.UTC));
  }

  private HistoricProcessInstance instance(String id) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  // reads the history without the caller's authorization checks, after the caller was found to see the case
  private <T> T unchecked(Supplier<T> query) {
    return commandExecutor.execute(context -> {
      context.disableAuthorizationCheck();
      return query.get();
    });
  }

  /** Names of people and agencies, each looked up once per case file. */
  private final class Names {

    private final Function<String, String> people = personNames.lookup();
    private final Map<String, String> groups = new HashMap<>();

    String user(String userId) {
      return people.apply(userId);
    }

    /** The agencies a task was offered to (its candidate groups), by name. */
    String candidateGroups(String taskId) {
      return history.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE).list()
          .stream().map(HistoricIdentityLinkLog::getGroupId).filter(group -> group != null).distinct()
          .map(this::group).reduce((a, b) -> a + "、" + b).orElse(null);
    }

    private String group(String groupId) {
      return groups.computeIfAbsent(groupId, id -> {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        return group == null ? id : group.getName();
      });
    }
  }
}
