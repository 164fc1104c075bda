package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.Views.ConsultationView;
import cn.gov.wuzhou.tolerance.api.Views.PageView;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.consultation.ConsultationLevels;
import cn.gov.wuzhou.tolerance.registry.ConsultationRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/consultations")
@Tag(name = "定期会商", description = "定期会商：市、县两级定期会商纪要")
class ConsultationApi {

  private final ConsultationRegistry registry;
  private final Callers callers;
  private final ConsultationLevels levels;

  ConsultationApi(ConsultationRegistry registry, Callers callers, ConsultationLevels levels) {
    this.levels = levels;
    this.registry = registry;
    this.callers = callers;
  }

  @GetMapping
  @Operation(summary = "查询会商纪要", description = "可按层级（CITY 或县（市、区）代码）筛选；县级机关只能查询本级")
  PageView<ConsultationView> list(
      @RequestParam(required = false) String level,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
    Paging paging = Paging.of(page, size);
    List<String> visible = callers.current().consultationLevels();
    List<String> levels = visible;
    if (level != null && !level.isBlank()) {
      String code = parse(level);
      levels = visible == null || visible.contains(code) ? List.of(code) : List.of();
    }
    return PageView.of(registry.search(levels, paging.page(), paging.size()), ConsultationView::of);
  }

  private String parse(String level) {
    try {
      return levels.parse(level).code();
    } catch (InvalidFieldException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
