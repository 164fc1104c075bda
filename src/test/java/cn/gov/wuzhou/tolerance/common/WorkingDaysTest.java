package cn.gov.wuzhou.tolerance.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  final WorkingDays days = new WorkingDays(new CalendarProperties(
      List.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-05")),
      List.of(LocalDate.parse("2026-10-10"))));

  @Test
  void publicHolidaysAndWeekendsAreNoWorkingDaysButAWorkingSaturdayIs() {
    assertThat(days.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
    assertThat(days.isWorkingDay(LocalDate.parse("2026-10-03"))).as("a Saturday").isFalse();
    assertThat(days.isWorkingDay(LocalDate.parse("2026-10-10"))).as("调休 Saturday").isTrue();
    assertThat(days.between(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-12")))
        .as("6, 7, 8, 9, 10 and 12 October").isEqualTo(6);
    assertThat(days.between(LocalDate.parse("2026-10-09"), LocalDate.parse("2026-10-09"))).isZero();
  }
}
