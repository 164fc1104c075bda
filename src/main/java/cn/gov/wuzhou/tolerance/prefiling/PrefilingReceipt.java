package cn.gov.wuzhou.tolerance.prefiling;

import static cn.gov.wuzhou.tolerance.document.OfficialDocumentPdf.chineseDate;

import cn.gov.wuzhou.tolerance.common.WorkCategory;
import cn.gov.wuzhou.tolerance.document.CaseDocument;
import cn.gov.wuzhou.tolerance.document.IssuedDocuments;
import cn.gov.wuzhou.tolerance.document.OfficialDocument;
import cn.gov.wuzhou.tolerance.registry.PrefilingRecord;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** The 事前备案回执 a registered pre-filing gets: a PDF with the filing's number, stored with its 材料, issued once. */
@Component
public class PrefilingReceipt {

  static final String RECEIPT = "RECEIPT";
  static final String TITLE = "事前备案回执";

  private final IssuedDocuments documents;
  private final IdentityService identity;

  public PrefilingReceipt(IssuedDocuments documents, IdentityService identity) {
    this.documents = documents;
    this.identity = identity;
  }

  public CaseDocument issue(PrefilingRecord filing) {
    String authority = groupName(filing.filingAuthority());
    return documents.issue(filing.processInstanceId(), filing.processInstanceId(), RECEIPT,
        TITLE + "（" + filing.prefilingNo() + "）.pdf", () -> new OfficialDocument(authority, filing.prefilingNo(), TITLE,
            filing.unitName(), List.of(
                "你单位报送的《" + filing.planTitle() + "》（" + WorkCategory.valueOf(filing.workCategory()).label() + "，"
                    + InnovationNature.valueOf(filing.innovationNature()).label() + "，计划于"
                    + chineseDate(filing.plannedStart()) + "实施）已于" + chineseDate(filing.registeredOn())
                    + "登记备案，备案编号 " + filing.prefilingNo() + "。",
                "该项工作实施中如出现偏差失误，报告错情时请填写此备案编号，作为容错认定的依据。备案不代表对方案本身的审批，"
                    + "实施中应严格遵守有关规定。"),
            authority, filing.registeredOn()));
  }

  private String groupName(String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null ? groupId : group.getName();
  }
}
