package cn.gov.wuzhou.tolerance.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A system to measure: the application as configured ({@code baseline}), or with one candidate
 * change prototyped from the benchmark (properties over application.yaml, or a bean the benchmark
 * registers); nothing in src/main changes. Select with {@code -Dbench.variants=a,b,...}.
 */
record Variant(String name, String change, Map<String, Object> properties,
    List<Consumer<ConfigurableApplicationContext>> customizations, RestChannel.Auth auth, boolean halList) {

  static final String BASELINE = "baseline";

  static List<Variant> all() {
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant(BASELINE, "application.yaml as it is", Map.of(), List.of(), RestChannel.Auth.BASIC, true));
    variants.add(props("job-executor",
        "job executor: core-pool-size 2→4, max-pool-size 4→8, queue-capacity 8→32, max-jobs-per-acquisition 4→8",
        "camunda.bpm.job-execution.core-pool-size", 4, "camunda.bpm.job-execution.max-pool-size", 8,
        "camunda.bpm.job-execution.queue-capacity", 32, "camunda.bpm.job-execution.max-jobs-per-acquisition", 8));
    variants.add(new Variant("history-lean",
        "history: full without the job log and the FormProperty detail rows (custom level, audit trail kept)",
        Map.of("camunda.bpm.history-level", LeanFullHistoryLevel.NAME),
        List.of(context -> context.getBeanFactory().registerSingleton("benchLeanHistory", new LeanFullHistoryLevel.Plugin())),
        RestChannel.Auth.BASIC, true));
    variants.add(props("history-audit", "history-level full→audit (for comparison: drops ACT_HI_DETAIL, job log, op log)",
        "camunda.bpm.history-level", "audit"));
    variants.add(props("revokes-never",
        "authorization-check-revokes auto→never (no REVOKE authorizations exist; saves the per-command revoke check)",
        "camunda.bpm.authorization.authorization-check-revokes", "never"));
    variants.add(new Variant("engine-group-narrowing",
        "before GroupAuthorizationChecks: the engine narrows the user's groups by scanning ACT_RU_AUTHORIZATION in every command",
        Map.of(), List.of(context -> context.getBeanFactory().registerSingleton("benchEngineNarrowing",
            new EngineGroupNarrowing())), RestChannel.Auth.BASIC, true));
    variants.add(props("postgres-defaults",
        "before PostgresSessionSettings: PostgreSQL may use generic plans for prepared statements, JIT on",
        "spring.datasource.hikari.data-source-properties.options", "-c plan_cache_mode=auto -c jit=on"));
    variants.add(props("postgres-disk-costs",
        "before the page costs of PostgresSessionSettings: seq_page_cost 1 and random_page_cost 4 (PostgreSQL's defaults)",
        "spring.datasource.hikari.data-source-properties.options", "-c plan_cache_mode=force_custom_plan -c jit=off"));
    variants.add(props("pool-20", "connection pool: Hikari maximum-pool-size 10→20",
        "spring.datasource.hikari.maximum-pool-size", 20));
    variants.add(new Variant("tasklist-session",
        "not a change: the path Tasklist uses (/camunda/api/engine, session cookie + CSRF token, no per-request log-in)",
        Map.of(), List.of(), RestChannel.Auth.SESSION, true));
    variants.add(new Variant("list-json",
        "not a change of the server: the task list asked as application/json instead of HAL (no count, no embedded variables)",
        Map.of(), List.of(), RestChannel.Auth.BASIC, false));
    Map<String, Object> combined = new LinkedHashMap<>();
    combined.put("camunda.bpm.history-level", LeanFullHistoryLevel.NAME);
    combined.putAll(byName(variants, "revokes-never").properties());
    variants.add(new Variant("combined", "history-lean + revokes-never",
        combined,
        List.of(context -> context.getBeanFactory().registerSingleton("benchLeanHistory", new LeanFullHistoryLevel.Plugin())),
        RestChannel.Auth.BASIC, true));
    return variants;
  }

  static List<Variant> select(String names) {
    List<Variant> all = all();
    if (names.equals("all")) {
      return all;
    }
    List<Variant> chosen = new ArrayList<>();
    for (String name : names.split(",")) {
      Variant variant = byName(all, name.strip());
      String plainName = variant.name;
      if (chosen.stream().anyMatch(v -> v.name.equals(plainName))) {
        // the same system once more, later in the run: shows how much of a difference is drift or warm-up
        variant = new Variant(variant.name + " (again)", variant.change, variant.properties, variant.customizations,
            variant.auth, variant.halList);
      }
      chosen.add(variant);
    }
    return chosen;
  }

  private static Variant byName(List<Variant> variants, String name) {
    return variants.stream().filter(v -> v.name.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown variant " + name + "; known: "
            + variants.stream().map(Variant::name).toList()));
  }

  private static Variant props(String name, String change, Object... namesAndValues) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      properties.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new Variant(name, change, properties, List.of(), RestChannel.Auth.BASIC, true);
  }

  /** Puts the engine's own AuthorizationManager back, after every plugin's preInit has run. */
  static final class EngineGroupNarrowing extends AbstractProcessEnginePlugin {
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
      configuration.getSessionFactories().put(AuthorizationManager.class,
          new GenericManagerFactory(AuthorizationManager.class));
    }
  }
}
