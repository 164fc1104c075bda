package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.CaseFiles.CaseFileView;
import cn.gov.wuzhou.tolerance.registry.CaseNumbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "案卷", description = "案件或事前备案的全部办理情况，办结的案件亦可查阅")
class CaseFileApi {

  private static final Pattern CASE_NO = Pattern.compile("WZ(SX|BA)-\\d{4}-\\d{4}");

  private final CaseFiles caseFiles;
  private final CaseNumbers caseNumbers;
  private final Callers callers;

  CaseFileApi(CaseFiles caseFiles, CaseNumbers caseNumbers, Callers callers) {
    this.caseFiles = caseFiles;
    this.caseNumbers = caseNumbers;
    this.callers = callers;
  }

  @GetMapping("/api/cases/{processInstanceId}")
  @Operation(summary = "查阅案卷",
      description = "事项编号（WZSX-2026-0001、WZBA-2026-0001）或案件、事前备案的流程实例编号（一事一议子流程的编号亦可，返回其案件）：事实（facts）、每个办理环节的机关、"
          + "办理人、起止时间和填写的内容（steps，来自流程历史）、各机关的意见（opinions）、认定决定及其依据（decision）、"
          + "事前备案（prefiling）、结果运用通知及各机关的知悉情况（notices），材料见 documents。"
          + "报告单位、办理过或正在办理本案的机关和按登记查询范围能看到该单位的机关可以查阅；其他人与不存在的编号一样得到 404")
  CaseFileView get(@PathVariable String processInstanceId) {
    String id = processInstanceId.strip();
    // a 事项编号 stands for its case; an unknown number is as unknown as an unknown id
    String instanceId = CASE_NO.matcher(id).matches() ? caseNumbers.instanceOf(id).orElse(id) : id;
    return caseFiles.open(instanceId, callers.current())
        .orElseThrow(() -> ApiException.notFound("案件 " + processInstanceId));
  }
}
