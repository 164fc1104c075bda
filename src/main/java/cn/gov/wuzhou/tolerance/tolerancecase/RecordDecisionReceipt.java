package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionService;
import cn.gov.wuzhou.tolerance.registry.DecisionServiceRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code signForDecision} (签收认定意见书): the unit confirms it received the 认定意见书, and the registry
 * records who signed for it and when, in the same transaction as the completion.
 */
@Component("recordDecisionReceipt")
public class RecordDecisionReceipt implements TaskListener {

  private final DecisionServiceRegistry registry;
  private final IdentityService identityService;
  private final Today today;

  public RecordDecisionReceipt(DecisionServiceRegistry registry, IdentityService identityService, Today today) {
    this.registry = registry;
    this.identityService = identityService;
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!new Fields(task).bool("decisionReceived", "已签收认定意见书")) {
      throw new InvalidFieldException("decisionReceived", "已签收认定意见书", "须勾选确认");
    }
    registry.record(new DecisionService(text(task, "decisionNo"), DecisionService.RECEIPT,
        text(task, "decisionDocumentId"), null, today.date(), null, by(identityService, task), today.now()));
  }

  /** Who completes the task: the signed-in clerk, or the assignee when the engine is called without one. */
  static String by(IdentityService identityService, DelegateTask task) {
    Authentication caller = identityService.getCurrentAuthentication();
    return caller != null && caller.getUserId() != null ? caller.getUserId() : task.getAssignee();
  }
}
