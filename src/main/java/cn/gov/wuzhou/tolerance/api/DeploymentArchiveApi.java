package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.api.Views.PageView;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.registry.DeploymentArchive;
import cn.gov.wuzhou.tolerance.registry.DeploymentArchive.ArchivedFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/deployments")
@Tag(name = "部署档案", description = "每次部署的文件、部署人、时间和 SHA-256，永久保存（部署删除后仍在）")
class DeploymentArchiveApi {

  private final DeploymentArchive archive;
  private final Callers callers;

  DeploymentArchiveApi(DeploymentArchive archive, Callers callers) {
    this.archive = archive;
    this.callers = callers;
  }

  @GetMapping
  @Operation(summary = "部署档案", description = "最新部署在前；仅规则和流程管理人员、系统管理员可用")
  PageView<ArchivedFile> list(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
    allowed();
    Paging paging = Paging.of(page, size);
    return PageView.of(archive.list(paging.page(), paging.size()), file -> file);
  }

  @GetMapping("/{deploymentId}/files/{resourceName}")
  @Operation(summary = "部署时的文件原文")
  ResponseEntity<byte[]> file(@PathVariable String deploymentId, @PathVariable String resourceName) {
    allowed();
    byte[] content = archive.content(deploymentId, resourceName)
        .orElseThrow(() -> ApiException.notFound("部署档案中没有 " + deploymentId + " 的文件 " + resourceName));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(content);
  }

  private void allowed() {
    Caller caller = callers.current();
    if (!caller.groups().contains(Agencies.PROCESS_OWNER) && !caller.groups().contains(Agencies.ADMIN_GROUP)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "只有规则和流程管理人员或系统管理员可以查看部署档案");
    }
  }
}
