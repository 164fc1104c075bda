package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.MyCases.CaseSummary;
import cn.gov.wuzhou.tolerance.api.Views.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "我的事项", description = "调用者能看到的容错纠错事项和事前备案，办理中的和已办结的")
class CaseListApi {

  private final MyCases myCases;
  private final Callers callers;

  CaseListApi(MyCases myCases, Callers callers) {
    this.myCases = myCases;
    this.callers = callers;
  }

  @GetMapping("/api/cases")
  @Operation(summary = "我的事项",
      description = "报告单位看到本单位的事项，各机关看到办理过或正在办理的事项以及按登记查询范围能看到的单位的事项。"
          + "每项给出事项编号、状态、正在等待的环节及其机关和办理期限、认定结果。可按状态（state：open 办理中、finished 已办结）、"
          + "事项编号（caseNo，部分亦可）、当事人（official，姓名或人员编号的一部分）、单位（unit，单位名称的一部分或单位代码）、"
          + "发起日期（from、to，yyyy-MM-dd）筛选，分页，新的在前")
  PageView<CaseSummary> list(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String caseNo,
      @RequestParam(required = false) String official,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
    Paging paging = Paging.of(page, size);
    Caller caller = callers.current();
    return PageView.of(myCases.list(myCases.filter(caller, open(state), DecisionApi.blankToNull(caseNo),
        DecisionApi.blankToNull(official), DecisionApi.blankToNull(unit), from, to), paging), summary -> summary);
  }

  private static Boolean open(String state) {
    String value = DecisionApi.blankToNull(state);
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "open", "办理中" -> true;
      case "finished", "已办结" -> false;
      default -> throw ApiException.badRequest("参数 state 的取值 " + value + " 不正确，应为 open（办理中）或 finished（已办结）");
    };
  }
}
