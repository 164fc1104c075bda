package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals;
import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals.Approval;
import cn.gov.wuzhou.tolerance.registry.DeploymentApprovals.Pending;
import cn.gov.wuzhou.tolerance.rules.DeploymentReview;
import cn.gov.wuzhou.tolerance.rules.DeploymentReview.Review;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/deployments/pending")
@Tag(name = "部署审批", description = "规则和流程管理人员的部署经系统管理员审批后才生效")
class DeploymentApprovalApi {

  private final DeploymentApprovals approvals;
  private final DeploymentReview review;
  private final Callers callers;

  DeploymentApprovalApi(DeploymentApprovals approvals, DeploymentReview review, Callers callers) {
    this.approvals = approvals;
    this.review = review;
    this.callers = callers;
  }

  @GetMapping
  @Operation(summary = "待审批的部署", description = "最早提交的在前；规则和流程管理人员、系统管理员可用")
  List<Pending> waiting() {
    mayRead();
    return approvals.waiting();
  }

  @GetMapping("/{pendingNo}")
  @Operation(summary = "审批前查看", description = "规则预览（用每个已认定案件的事实评估所提交的规则表）、与现行规则相比变化的规则、能否批准")
  Review review(@PathVariable String pendingNo) {
    mayRead();
    return review.review(pendingNo).orElseThrow(() -> ApiException.notFound("部署审批 " + pendingNo));
  }

  @PostMapping("/{pendingNo}/approve")
  @Operation(summary = "批准并部署", description = "仅系统管理员；规则预览有无法评估或没有规则命中的案件时不能批准（422）")
  Approval approve(@PathVariable String pendingNo) {
    Caller caller = callers.current();
    if (!caller.groups().contains(Agencies.ADMIN_GROUP)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "只有系统管理员可以批准部署");
    }
    if (approvals.find(pendingNo).isEmpty()) {
      throw ApiException.notFound("部署审批 " + pendingNo);
    }
    try {
      return review.approve(pendingNo, caller.userId());
    } catch (DeploymentReview.NotApprovable e) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    }
  }

  private void mayRead() {
    Caller caller = callers.current();
    if (!caller.groups().contains(Agencies.PROCESS_OWNER) && !caller.groups().contains(Agencies.ADMIN_GROUP)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "只有规则和流程管理人员或系统管理员可以查看部署审批");
    }
  }
}
