package cn.gov.wuzhou.tolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TolerancePropertiesTest {

  @Test
  void withoutDemoUsersTheAdminPasswordIsRequired() {
    assertThatThrownBy(() -> new ToleranceProperties(false, "demo", "", null, null, null, null, null, null, null))
        .hasMessageContaining("TOLERANCE_ADMIN_PASSWORD");
  }

  @Test
  void defaultsAreThoseOfTheMeasures() {
    ToleranceProperties defaults = new ToleranceProperties(true, "demo", "demo", null, null, null, null, null, null, null);

    assertThat(defaults.zone()).isEqualTo("Asia/Shanghai");
    assertThat(defaults.reportingDeadlineWorkingDays()).isEqualTo(3);
    assertThat(defaults.correctionDeadlineDays()).isEqualTo(30);
    assertThat(defaults.correctionDeadlineMaxDays()).isEqualTo(180);
    assertThat(defaults.supervisionIntervalDays()).isEqualTo(15);
    assertThat(defaults.correctionClosingDays()).isEqualTo(60);
    assertThat(defaults.consultationCycle()).isEqualTo("0 0 9 1 1,4,7,10 ?");
  }
}
