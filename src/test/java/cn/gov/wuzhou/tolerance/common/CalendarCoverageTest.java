package cn.gov.wuzhou.tolerance.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CalendarCoverageTest {

  final Today today = new Today(new ToleranceProperties(true, "demo", "demo", null, null, null, null, null, null, null));

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void aYearWithoutHolidaysIsNamedThisYearAndNext() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.parse("2026-12-07").atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));
    CalendarProperties only2026 = new CalendarProperties(List.of(LocalDate.parse("2026-10-01")), List.of());

    assertThat(new CalendarCoverage(only2026, today).missingYears()).containsExactly(2027);
    assertThat(new CalendarCoverage(new CalendarProperties(List.of(), List.of()), today).missingYears())
        .containsExactly(2026, 2027);
  }
}
