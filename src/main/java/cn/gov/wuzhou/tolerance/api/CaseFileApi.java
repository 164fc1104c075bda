package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.CaseFiles.CaseFileView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "案卷", description = "案件或事前备案的全部办理情况，办结的案件亦可查阅")
class CaseFileApi {

  private final CaseFiles caseFiles;
  private final Callers callers;

  CaseFileApi(CaseFiles caseFiles, Callers callers) {
    this.caseFiles = caseFiles;
    this.callers = callers;
  }

  @GetMapping("/api/cases/{processInstanceId}")
  @Operation(summary = "查阅案卷",
      description = "案件或事前备案的流程实例编号（一事一议子流程的编号亦可，返回其案件）：事实（facts）、每个办理环节的机关、"
          + "办理人、起止时间和填写的内容（steps，来自流程历史）、各机关的意见（opinions）、认定决定及其依据（decision）、"
          + "事前备案（prefiling）、结果运用通知及各机关的知悉情况（notices），材料见 documents。"
          + "报告单位、办理过或正在办理本案的机关和按登记查询范围能看到该单位的机关可以查阅；其他人与不存在的编号一样得到 404")
  CaseFileView get(@PathVariable String processInstanceId) {
    return caseFiles.open(processInstanceId.strip(), callers.current())
        .orElseThrow(() -> ApiException.notFound("案件 " + processInstanceId));
  }
}
