package cn.gov.wuzhou.tolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TolerancePropertiesTest {

  @Test
  void withoutDemoUsersTheAdminPasswordIsRequired() {
    assertThatThrownBy(() -> new ToleranceProperties(false, "demo", "", null))
        .hasMessageContaining("TOLERANCE_ADMIN_PASSWORD");
  }

  @Test
  void demoProfileNeedsNoAdminPasswordOfItsOwn() {
    assertThat(new ToleranceProperties(true, "demo", "demo", null).zone()).isEqualTo("Asia/Shanghai");
  }
}
