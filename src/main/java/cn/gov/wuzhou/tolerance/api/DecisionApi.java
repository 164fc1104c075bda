package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.Views.DecisionView;
import cn.gov.wuzhou.tolerance.api.Views.PageView;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/decisions")
@Tag(name = "认定决定", description = "容错纠错认定决定及其依据")
class DecisionApi {

  private final DecisionRegistry registry;
  private final Callers callers;

  DecisionApi(DecisionRegistry registry, Callers callers) {
    this.registry = registry;
    this.callers = callers;
  }

  @GetMapping("/{decisionNo}")
  @Operation(summary = "按决定编号查询认定决定", description = "编号形如 WZRC-2026-0001")
  DecisionView get(@PathVariable String decisionNo) {
    RegistryNumber.check("decisionNo", decisionNo, "WZRC");
    Caller caller = callers.current();
    return registry.find(decisionNo)
        .filter(record -> caller.units().covers(record.unitGroup()))
        .map(DecisionView::of)
        .orElseThrow(() -> ApiException.notFound("认定决定 " + decisionNo));
  }

  @GetMapping
  @Operation(summary = "查询认定决定", description = "可按案件（processInstanceId）、人员编号（officialId）或当事人姓名"
      + "（officialName，须与登记的姓名完全一致）筛选，分页")
  PageView<DecisionView> list(
      @RequestParam(required = false) String processInstanceId,
      @RequestParam(required = false) String officialId,
      @RequestParam(required = false) String officialName,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
    Paging paging = Paging.of(page, size);
    return PageView.of(registry.search(blankToNull(processInstanceId), blankToNull(officialId), blankToNull(officialName),
        callers.current().units(), paging.page(), paging.size()), DecisionView::of);
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
