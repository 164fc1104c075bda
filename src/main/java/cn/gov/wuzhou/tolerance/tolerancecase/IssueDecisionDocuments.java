package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.document.CaseDocument;
import cn.gov.wuzhou.tolerance.document.IssuedDocuments;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import cn.gov.wuzhou.tolerance.mail.MailWriter;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Service task {@code issueDecisionDocuments} (制发认定文书): the decision as a PDF 容错纠错认定意见书 for the unit, and for a
 * 容错免责 decision a 结果运用通知书 to each body that handles the protected matters, stored with the case's 材料. Sets
 * {@code decisionDocumentId}, the document the unit signs for, and mails the unit that it is served (through the
 * outbox). Runs in the job that records the decision. Idempotent: a retried job issues and mails nothing twice.
 */
@Component("issueDecisionDocuments")
public class IssueDecisionDocuments implements JavaDelegate {

  static final String DECISION = "DECISION";
  static final String NOTICE = "NOTICE:";

  static final String COMMITTEE = "municipal-party-committee";

  private final DecisionRegistry decisions;
  private final IssuedDocuments documents;
  private final ProtectionNotices notices;
  private final IdentityService identity;
  private final MailWriter mail;
  private final Today today;

  public IssueDecisionDocuments(DecisionRegistry decisions, IssuedDocuments documents, ProtectionNotices notices,
      IdentityService identity, MailWriter mail, Today today) {
    this.decisions = decisions;
    this.documents = documents;
    this.notices = notices;
    this.identity = identity;
    this.mail = mail;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessInstanceId();
    DecisionRecord decision = decision(caseId);
    String caseNo = caseNo(execution);
    String decidingBody = decidingBody(execution);
    CaseDocument issued = documents.issue(caseId, caseId, DECISION, DecisionDocuments.DECISION_TITLE + "（"
        + decision.decisionNo() + "）.pdf", () -> DecisionDocuments.decision(decision, caseNo,
            text(execution, "errorDescription"), decidingBody));
    execution.setVariable("decisionDocumentId", issued.id());
    mail.decisionServed(caseNo, text(execution, "unitGroup"), issued.id(), identity);
  }

  /**
   * The 结果运用通知书 to each body that takes note, once the organization department has confirmed the official's
   * roles (called by {@code issueProtectionNotices}, so the notices follow the confirmed roles).
   */
  void issueNotices(DelegateExecution execution) {
    String caseId = execution.getProcessInstanceId();
    DecisionRecord decision = decision(caseId);
    String caseNo = caseNo(execution);
    String decidingBody = decidingBody(execution);
    for (String group : notices.groups(execution)) {
      String matters = notices.mattersOf(execution, group);
      documents.issue(caseId, caseId, NOTICE + group, DecisionDocuments.NOTICE_TITLE + "（" + decision.decisionNo()
          + "，" + groupName(group) + "）.pdf", () -> DecisionDocuments.notice(decision, caseNo, groupName(group),
              matters, decidingBody, today.date()));
    }
  }

  private DecisionRecord decision(String caseId) {
    return decisions.findByProcessInstance(caseId)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no decision record"));
  }

  private static String caseNo(DelegateExecution execution) {
    return execution.getProcessBusinessKey() == null ? execution.getProcessInstanceId() : execution.getProcessBusinessKey();
  }

  /** The party committee that approved, or after 一事一议 the committee that decided (市委 or a county's 县委). */
  private String decidingBody(DelegateExecution execution) {
    if (!execution.hasVariable("committeeDecision")) {
      return groupName(text(execution, Role.PARTY_COMMITTEE.variable()));
    }
    return groupName(execution.hasVariable(Role.DECIDING_COMMITTEE.variable())
        ? text(execution, Role.DECIDING_COMMITTEE.variable()) : COMMITTEE);
  }

  private String groupName(String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null ? groupId : group.getName();
  }
}
