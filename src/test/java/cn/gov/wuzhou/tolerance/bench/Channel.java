package cn.gov.wuzhou.tolerance.bench;

import cn.gov.wuzhou.tolerance.bench.CaseScripts.Clerk;
import java.util.List;
import java.util.Map;

/** How a clerk reaches the engine: over HTTP as Tasklist does, or through the Java API in the same JVM. */
interface Channel {

  String name();

  /** Files a case as the unit's clerk (the 报告错情 start form); returns the process instance id. */
  String start(Clerk clerk, Map<String, Object> form);

  /**
   * The first page (15) of the clerk's 本机构待办 filter, narrowed to one case as a clerk searching
   * for it would: by process instance, or for the 一事一议 by the case it deliberates.
   */
  List<TaskRow> list(Clerk clerk, String caseInstanceId, boolean deliberation);

  void claim(Clerk clerk, String taskId);

  /** Submits the task's form, as Tasklist's 完成 button does. */
  void complete(Clerk clerk, String taskId, Map<String, Object> form);

  record TaskRow(String id, String taskDefinitionKey) {}

  /** A reply the clerk did not expect (a conflict, a refused form, an error). */
  final class Refused extends RuntimeException {
    final boolean retryable;

    Refused(String message, boolean retryable) {
      super(message);
      this.retryable = retryable;
    }
  }
}
