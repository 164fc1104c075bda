package cn.gov.wuzhou.tolerance.api;

import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.integrity.IntegrityDigests;
import cn.gov.wuzhou.tolerance.integrity.IntegrityDigests.Digest;
import cn.gov.wuzhou.tolerance.integrity.IntegrityVerifier;
import cn.gov.wuzhou.tolerance.integrity.IntegrityVerifier.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registry's tamper evidence, for administrators and the city's 纪委监委. */
@RestController
@Tag(name = "存证核验", description = "登记簿存证链的核验和存证摘要")
class IntegrityApi {

  record DigestView(Digest current, String text, String directory, List<Digest> onFile) {}

  private final IntegrityVerifier verifier;
  private final IntegrityDigests digests;
  private final Callers callers;

  IntegrityApi(IntegrityVerifier verifier, IntegrityDigests digests, Callers callers) {
    this.verifier = verifier;
    this.digests = digests;
    this.callers = callers;
  }

  @GetMapping("/api/integrity")
  @Operation(summary = "核验存证链", description = "按登记簿各表重新核验整条存证链和库外存证摘要；intact 为 false 时 first 指出第一条不符的记录"
      + "（CHANGED 被改动、DELETED 被删除、NOT_IN_CHAIN 未经登记簿写入、CHAIN_BROKEN 条目被改动或插入、DIGEST_MISMATCH 存证链被改写）。"
      + "仅系统管理员和市纪委监委可用")
  Report verify() {
    allowed();
    return verifier.verify();
  }

  @GetMapping("/api/integrity/digest")
  @Operation(summary = "存证摘要", description = "当前的链头（条目数和哈希值）及可打印存档的摘要文字，和库外已保存的每日摘要。仅系统管理员和市纪委监委可用")
  DigestView digest() {
    allowed();
    Digest current = verifier.head();
    return new DigestView(current, current.text(), digests.directory().toAbsolutePath().toString(), digests.all());
  }

  private void allowed() {
    List<String> groups = callers.current().groups();
    if (!groups.contains(Agencies.ADMIN_GROUP) && !groups.contains(Agencies.DISCIPLINE_INSPECTION)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "只有系统管理员和市纪委监委可以核验登记簿存证链");
    }
  }
}
