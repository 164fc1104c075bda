package cn.gov.wuzhou.tolerance.mail;

import cn.gov.wuzhou.tolerance.api.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/me/mail")
@Tag(name = "邮件提醒", description = "本人的邮件地址（在 Admin 的用户资料中设置）和提醒方式：逐件提醒，或每日一封汇总")
class MailSettingsApi {

  record MailSettings(String email, boolean digest, boolean mailEnabled) {}

  record DigestChoice(boolean digest) {}

  private final Callers callers;
  private final IdentityService identity;
  private final MailWriter writer;

  MailSettingsApi(Callers callers, IdentityService identity, MailWriter writer) {
    this.callers = callers;
    this.identity = identity;
    this.writer = writer;
  }

  @GetMapping
  @Operation(summary = "查看本人的邮件提醒设置", description = "mailEnabled 表示系统是否已配置邮件服务器（spring.mail.host）")
  MailSettings get() {
    String userId = callers.current().userId();
    User user = identity.createUserQuery().userId(userId).singleResult();
    return new MailSettings(user == null ? null : user.getEmail(),
        "true".equals(identity.getUserInfo(userId, MailWriter.DIGEST)), writer.enabled());
  }

  @PutMapping
  @Operation(summary = "选择提醒方式", description = "digest 为 true 时，新待办、到期和逾期提醒每天汇总为一封邮件发送（tolerance.mail.digest-hour 时）")
  MailSettings put(@RequestBody DigestChoice choice) {
    String userId = callers.current().userId();
    identity.setUserInfo(userId, MailWriter.DIGEST, Boolean.toString(choice.digest()));
    return get();
  }
}
