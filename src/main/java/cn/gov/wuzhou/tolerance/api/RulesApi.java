package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.Views.Code;
import cn.gov.wuzhou.tolerance.common.Determination;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.rules.RulesReplay;
import cn.gov.wuzhou.tolerance.rules.RulesReplay.Failure;
import cn.gov.wuzhou.tolerance.rules.RulesReplay.Result;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "认定规则", description = "规则和流程管理：部署前预览新规则对已认定案件的影响")
class RulesApi {

  record ChangeView(String decisionNo, Code from, Code to) {}

  record ReplayView(String table, int evaluated, int skipped, int changedCount, List<ChangeView> changed,
      boolean everyCaseMatched, List<String> unmatched, List<Failure> failed) {

    static ReplayView of(Result result) {
      return new ReplayView(result.tableName(), result.evaluated(), result.skipped(), result.changed().size(),
          result.changed().stream().map(change -> new ChangeView(change.decisionNo(),
              recommendation(change.from()), recommendation(change.to()))).toList(),
          result.unmatched().isEmpty(), result.unmatched(), result.failed());
    }

    // a changed table may answer a code the system does not know: shown as it is
    private static Code recommendation(String value) {
      return value == null ? null : Arrays.stream(Determination.values()).filter(d -> d.name().equals(value))
          .findFirst().map(d -> new Code(value, d.label())).orElse(new Code(value, value));
    }
  }

  private final RulesReplay replay;
  private final Callers callers;

  RulesApi(RulesReplay replay, Callers callers) {
    this.replay = replay;
    this.callers = callers;
  }

  @PostMapping(path = "/api/rules/replay", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "预览规则变更的影响", description = "multipart/form-data：file 为 DMN 规则表（含 id 为 toleranceDetermination "
      + "的决策表）。用每个已认定案件登记的事实重新评估，答复评估了多少件、哪些案件的认定建议会改变（决定编号、原建议、新建议）、"
      + "哪些案件没有任何规则命中；不部署任何内容。未登记认定事实的早期决定不评估（skipped）。仅规则和流程管理人员、系统管理员可用")
  ReplayView replay(@RequestParam("file") MultipartFile file) {
    Caller caller = callers.current();
    if (!caller.groups().contains(Agencies.PROCESS_OWNER) && !caller.groups().contains(Agencies.ADMIN_GROUP)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "只有规则和流程管理人员或系统管理员可以预览规则变更");
    }
    try {
      return ReplayView.of(replay.replay(file.getOriginalFilename(), file.getBytes()));
    } catch (RulesReplay.InvalidTable e) {
      throw ApiException.badRequest(e.getMessage());
    } catch (RulesReplay.OverBudget e) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
