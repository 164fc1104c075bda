package cn.gov.wuzhou.tolerance.registry;

import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What the registry demands before it writes a decision or notices for a case: the case's history shows the
 * entitled people's steps — started by a member of the unit (or of the unit's 纪委监委 or 问责承办机关, which may
 * open it), reviewed ({@code reviewCase}) by a member of the unit's accountability office, and approved
 * ({@code approveDetermination}) by a member of the party organization entitled to approve, or decided in the
 * 一事一议 ({@code decideByCommittee}) by a member of the entitled committee. Each task counts only if it was
 * assigned to the group the jurisdiction names for that role and completed by a member of it, as the identity
 * store says — never as a process variable says. Anything else is refused: the job fails and becomes an incident,
 * and nothing is written.
 */
@Component
public class EntitledSteps {

  static final String MUNICIPAL_PARTY_COMMITTEE = "municipal-party-committee";

  private final HistoryService history;
  private final IdentityService identity;
  private final Jurisdiction jurisdiction;
  private final Environment environment;

  public EntitledSteps(@Lazy HistoryService history, @Lazy IdentityService identity, Jurisdiction jurisdiction,
      Environment environment) {
    this.history = history;
    this.identity = identity;
    this.jurisdiction = jurisdiction;
    this.environment = environment;
  }

  /** Refused when the case's history does not show the entitled start, review and approval. */
  public static class NotEntitled extends IllegalStateException {
    NotEntitled(String message) {
      super(message);
    }
  }

  /** Throws {@link NotEntitled} unless the case's history shows the entitled people's start, review and approval. */
  public void demand(String processInstanceId) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      check(processInstanceId);
    } else {
      command.runWithoutAuthorization(() -> {
        check(processInstanceId);
        return null;
      });
    }
  }

  private void check(String caseId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult();
    if (instance == null) {
      throw refused(caseId, "没有这个事项的办理记录");
    }
    String unit = unitOf(caseId);
    if (unit == null || !unit.startsWith(Agencies.UNIT_PREFIX)
        || identity.createGroupQuery().groupId(unit).count() == 0) {
      throw refused(caseId, "事项没有登记在册的报告单位");
    }
    String starter = instance.getStartUserId();
    Set<String> openers = Set.of(unit, jurisdiction.group(Role.DISCIPLINE_INSPECTION, unit),
        jurisdiction.group(Role.ACCOUNTABILITY_OFFICE, unit));
    if (starter == null || openers.stream().noneMatch(group -> isMember(starter, group))) {
      throw refused(caseId, "事项不是由报告单位（或有权启动的纪委监委、问责承办机关）的人员启动的");
    }
    if (!completedByEntitled(List.of(caseId), "reviewCase", Set.of(jurisdiction.group(Role.ACCOUNTABILITY_OFFICE, unit)))) {
      throw refused(caseId, "没有问责承办机关人员完成的审查认定");
    }
    List<String> deliberations = history.createHistoricProcessInstanceQuery().superProcessInstanceId(caseId).list()
        .stream().map(HistoricProcessInstance::getId).toList();
    boolean decided = !deliberations.isEmpty()
        && completedByEntitled(deliberations, "decideByCommittee", committees(unit));
    if (!decided && !completedByEntitled(List.of(caseId), "approveDetermination", approvers(unit))) {
      throw refused(caseId, "没有有权审批的党组织（或一事一议的党委）人员完成的审批");
    }
  }

  /** The party organizations entitled to approve the unit's determinations: its own where configured. */
  private Set<String> approvers(String unit) {
    Set<String> groups = new HashSet<>();
    groups.add(jurisdiction.group(Role.PARTY_COMMITTEE, unit));
    Optional.ofNullable(environment.getProperty("tolerance.units." + unit + ".party-organization"))
        .filter(group -> !group.isBlank()).ifPresent(groups::add);
    return groups;
  }

  /** Who decides an 一事一议 of the unit: the 市委, or the county's party committee for a county's matter. */
  private Set<String> committees(String unit) {
    return Set.of(MUNICIPAL_PARTY_COMMITTEE, jurisdiction.group(Role.PARTY_COMMITTEE, unit));
  }

  /** The latest completion of the task in these instances: assigned to an entitled group, done by its member. */
  private boolean completedByEntitled(List<String> instanceIds, String taskKey, Set<String> entitled) {
    Optional<HistoricTaskInstance> task = instanceIds.stream().flatMap(id -> history.createHistoricTaskInstanceQuery()
            .processInstanceId(id).taskDefinitionKey(taskKey).finished().list().stream())
        .filter(done -> "completed".equals(done.getDeleteReason()))
        .max(Comparator.comparing(HistoricTaskInstance::getEndTime));
    if (task.isEmpty()) {
      return false;
    }
    Set<String> groups = new HashSet<>();
    for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(task.get().getId())
        .type("candidate").operationType("add").list()) {
      if (link.getGroupId() != null && entitled.contains(link.getGroupId())) {
        groups.add(link.getGroupId());
      }
    }
    String completer = completer(task.get());
    return completer != null && groups.stream().anyMatch(group -> isMember(completer, group));
  }

  // who completed the task: the operation log names the person; the assignee where it does not
  private String completer(HistoricTaskInstance task) {
    return history.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst()
        .orElse(task.getAssignee());
  }

  private boolean isMember(String user, String group) {
    return group != null && identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
  }

  // the unit the case names, in the case's own scope (a sub-process or a task cannot set it there)
  private String unitOf(String caseId) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(caseId).variableName("unitGroup").list()
        .stream().filter(variable -> caseId.equals(variable.getExecutionId()))
        .map(HistoricVariableInstance::getValue).filter(String.class::isInstance).map(String.class::cast)
        .findFirst().orElse(null);
  }

  private static NotEntitled refused(String caseId, String why) {
    return new NotEntitled("登记簿拒绝写入（事项 " + caseId + "）：" + why + "。认定决定和结果运用通知只能在有权人员依次办理的事项中登记");
  }
}
