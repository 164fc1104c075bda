package cn.gov.wuzhou.tolerance.tolerancecase;

import static cn.gov.wuzhou.tolerance.common.ProcessData.text;

import cn.gov.wuzhou.tolerance.common.Fields;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.registry.DecisionService;
import cn.gov.wuzhou.tolerance.registry.DecisionServiceRegistry;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code recordOfficialSignature} (当事人签收): the unit records the date the official signed the
 * 认定意见书, or refused to sign with a note saying how it was served all the same; this closes the 送达.
 */
@Component("recordOfficialSignature")
public class RecordOfficialSignature implements TaskListener {

  static final String LABEL = "当事人签收情况";

  private final DecisionServiceRegistry registry;
  private final IdentityService identityService;
  private final Today today;

  public RecordOfficialSignature(DecisionServiceRegistry registry, IdentityService identityService, Today today) {
    this.registry = registry;
    this.identityService = identityService;
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    Fields fields = new Fields(task);
    String outcome = fields.code("officialSignature", LABEL, OfficialSignature.class).name();
    LocalDate on = fields.date("officialSignedOn", "签收（拒签）日期");
    if (on.isAfter(today.date())) {
      throw new InvalidFieldException("officialSignedOn", "签收（拒签）日期", "不能晚于今天");
    }
    LocalDate decidedOn = LocalDate.parse(text(task, "decidedOn"));
    if (on.isBefore(decidedOn)) {
      throw new InvalidFieldException("officialSignedOn", "签收（拒签）日期", "不能早于认定日期 " + decidedOn);
    }
    String note = DecisionService.REFUSED.equals(outcome) ? fields.text("signatureNote", "拒签情况说明", 4000)
        : fields.optionalText("signatureNote", "拒签情况说明", 4000);
    registry.record(new DecisionService(text(task, "decisionNo"), DecisionService.OFFICIAL,
        text(task, "decisionDocumentId"), outcome, on, note, RecordDecisionReceipt.by(identityService, task),
        today.now()));
  }
}
