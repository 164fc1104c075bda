package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.Views.PrefilingView;
import cn.gov.wuzhou.tolerance.registry.PrefilingRegistry;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/prefilings")
@Tag(name = "事前备案", description = "已登记的事前备案")
class PrefilingApi {

  private final PrefilingRegistry registry;
  private final Callers callers;

  PrefilingApi(PrefilingRegistry registry, Callers callers) {
    this.registry = registry;
    this.callers = callers;
  }

  @GetMapping
  @Operation(summary = "本单位已登记的事前备案", description = "报告错情时选择事前备案用：单位的备案编号、方案名称、登记日期和计划实施日期；"
      + "只能查询本单位（unitGroup 为本人所属单位）的备案")
  List<PrefilingView> ofUnit(@RequestParam String unitGroup) {
    if (!callers.current().units().covers(unitGroup)) {
      throw ApiException.notFound("单位 " + unitGroup + " 的备案");
    }
    return registry.ofUnit(unitGroup).stream().map(PrefilingView::of).toList();
  }

  @GetMapping("/{prefilingNo}")
  @Operation(summary = "按备案编号查询事前备案", description = "编号形如 WZBA-2026-0001；单位只能查询本单位的备案")
  PrefilingView get(@PathVariable String prefilingNo) {
    RegistryNumber.check("prefilingNo", prefilingNo, "WZBA");
    Caller caller = callers.current();
    return registry.find(prefilingNo)
        .filter(record -> caller.units().covers(record.unitGroup()))
        .map(PrefilingView::of)
        .orElseThrow(() -> ApiException.notFound("备案 " + prefilingNo));
  }
}
