package cn.gov.wuzhou.tolerance.support;

import cn.gov.wuzhou.tolerance.common.ProtectedMatter;
import cn.gov.wuzhou.tolerance.integrity.IntegrityChain;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.registry.EntitledSteps;
import cn.gov.wuzhou.tolerance.registry.ProtectionRegistry;
import cn.gov.wuzhou.tolerance.registry.RegistryNumbers;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions and notices of cases that never ran, for read tests that need many decisions of chosen facts and days
 * (statistics of 2019, rules previews). Written by the registry's own code — same rows, numbers and chain entries —
 * but by registries of the test's own making that do not ask the case's history; the application's registries
 * refuse such cases ({@link EntitledSteps}).
 */
public final class RegistrySeed {

  private final DecisionRegistry decisions;
  private final ProtectionRegistry protections;
  private final TransactionTemplate transaction;

  public RegistrySeed(ApplicationContext context) {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    IntegrityChain chain = context.getBean(IntegrityChain.class);
    EntitledSteps anyCase = new EntitledSteps(null, null, null, null) {
      @Override
      public void demand(String processInstanceId) {
        // a seeded case has no history to ask
      }
    };
    decisions = new DecisionRegistry(jdbc, context.getBean(RegistryNumbers.class), chain, anyCase);
    protections = new ProtectionRegistry(jdbc, chain, decisions, anyCase);
    transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
  }

  /** The decision as the registry keeps it, numbered. */
  public DecisionRecord decision(DecisionRecord decision) {
    return transaction.execute(status -> decisions.find(decisions.record(decision)).orElseThrow());
  }

  /** The notices of the seeded case's decision to tolerate, each awaiting its bodies' notes. */
  public void notices(String processInstanceId, LocalDate issuedOn, List<ProtectedMatter> matters) {
    transaction.executeWithoutResult(status -> protections.issue(processInstanceId, issuedOn, matters));
  }
}
