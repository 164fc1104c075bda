package cn.gov.wuzhou.tolerance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.wuzhou.tolerance.registry.DecisionRecord;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Findings;
import cn.gov.wuzhou.tolerance.registry.DecisionRecord.Rules;
import cn.gov.wuzhou.tolerance.registry.DecisionRegistry;
import cn.gov.wuzhou.tolerance.security.DeploymentGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;

/** A preview stops at its time budget, whatever the number of decided cases, and says how far it got. */
class RulesReplayBudgetTest {

  // as many decided cases as the registry of a large city would hold, each with its own facts
  private final DecisionRegistry manyDecisions = new DecisionRegistry(null, null, null, null) {
    @Override
    public void forEach(Consumer<DecisionRecord> action) {
      LocalDate day = LocalDate.of(2025, 3, 3);
      for (int i = 0; i < 1_000_000; i++) {
        action.accept(new DecisionRecord("WZRC-2025-" + i, "case-" + i, "unit-commerce", "市商务局", "WZ-" + i, "李明",
            "科长", "PARTY_GOV_ORGAN", "OTHER", "OTHER", "DEVIATION", day.plusDays(i % 300), day, null, false,
            i % 2 == 0, i % 3 == 0, false, "MITIGATE", "依据", "MITIGATE", "依据", day,
            new Findings(true, i % 5 != 0, false, false, false, null), day, day, null, new Rules(null, null)));
      }
    }
  };

  @Test
  void aReplayOverItsBudgetIsStoppedNamingTheBudget() throws Exception {
    RulesReplay replay = new RulesReplay(manyDecisions, new DeploymentGuard(new StaticApplicationContext(), null),
        new RulesProperties(Duration.ofMillis(200)));
    byte[] rules = Files.readAllBytes(Path.of("processes/tolerance-determination.dmn"));

    long start = System.nanoTime();
    assertThatThrownBy(() -> replay.replay("tolerance-determination.dmn", rules))
        .isInstanceOf(RulesReplay.OverBudget.class).hasMessageContaining("规则预览超过时限");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theBudgetIsTenSecondsUnlessConfigured() {
    assertThat(new RulesProperties(null).replayBudget()).isEqualTo(Duration.ofSeconds(10));
  }
}
