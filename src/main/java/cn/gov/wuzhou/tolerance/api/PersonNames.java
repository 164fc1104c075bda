package cn.gov.wuzhou.tolerance.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The names of the staff who did something on record (took note of a notice, worked a step), as an
 * assessment file prints them. Read without the caller's user permissions: whoever may read the record may
 * read who made it.
 */
@Component
class PersonNames {

  private final ProcessEngineConfigurationImpl engine;

  PersonNames(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** A lookup for one answer, each person read once; an unknown user id stays as it is. */
  Function<String, String> lookup() {
    Map<String, String> names = new HashMap<>();
    return userId -> userId == null ? null : names.computeIfAbsent(userId, this::name);
  }

  private String name(String userId) {
    User user = engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
        () -> engine.getIdentityService().createUserQuery().userId(userId).singleResult()));
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
