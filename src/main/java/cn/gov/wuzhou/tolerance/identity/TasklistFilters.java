package cn.gov.wuzhou.tolerance.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/** The shared Tasklist filters every user sees: 我的待办, 本机构待办, 已逾期. */
final class TasklistFilters {

  record FilterSpec(String name, TaskQuery query, Map<String, Object> properties) {}

  // the column a clerk scans for: which case, unit, plan or official, which numbers (the task's own card)
  private static final List<Map<String, String>> VARIABLE_COLUMNS =
      List.of(Map.of("name", TaskCards.CARD_VARIABLE, "label", TaskCards.CARD_LABEL));

  private TasklistFilters() {}

  static List<FilterSpec> all(TaskService taskService) {
    return List.of(
        new FilterSpec("我的待办",
            taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
            properties(-10, "#3179ca", "已由我签收、待我办理的任务")),
        new FilterSpec("本机构待办",
            taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .orderByDueDate().asc(),
            properties(-5, "#2e8b57", "派给本机构、尚未签收的任务")),
        new FilterSpec("已逾期",
            taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc(),
            properties(0, "#c0392b", "本机构已超过办理期限的任务（含已签收）")));
  }

  private static Map<String, Object> properties(int priority, String color, String description) {
    return Map.of(
        "priority", priority,
        "color", color,
        "description", description,
        "refresh", true,
        "showUndefinedVariable", false,
        "variables", VARIABLE_COLUMNS);
  }
}
