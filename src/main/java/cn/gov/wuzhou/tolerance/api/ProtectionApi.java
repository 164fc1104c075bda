package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.Views.PageView;
import cn.gov.wuzhou.tolerance.api.Views.ProtectionView;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/protections")
@Tag(name = "结果运用", description = "容错免责人员在考核、评优、选任等事项中不受影响")
class ProtectionApi {

  private final ProtectionRegistry registry;
  private final Callers callers;
  private final PersonNames names;

  ProtectionApi(ProtectionRegistry registry, Callers callers, PersonNames names) {
    this.registry = registry;
    this.callers = callers;
    this.names = names;
  }

  @GetMapping
  @Operation(summary = "查询某人的结果运用保护事项",
      description = "组织部门、人社部门在年度考核、选拔任用、评先评优前查询：当事人是否经认定容错免责，哪些事项不受影响")
  PageView<ProtectionView> list(
      @RequestParam String officialId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (officialId.isBlank()) {
      throw ApiException.badRequest("参数 officialId 不能为空");
    }
    Paging paging = Paging.of(page, size);
    Function<String, String> people = names.lookup();
    return PageView.of(registry.ofOfficial(officialId.strip(), callers.current().units(), paging.page(),
        paging.size()), notice -> ProtectionView.of(notice, people));
  }
}
