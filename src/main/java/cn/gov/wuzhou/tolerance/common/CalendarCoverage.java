package cn.gov.wuzhou.tolerance.common;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start when this year or the next has no holiday arrangement in {@code tolerance.calendar}: such a year
 * counts Saturdays and Sundays only, so 第一时间报告 would be reckoned across its public holidays as if they were working
 * days. The State Council publishes each year's arrangement late in the year before; an operator adds it (README).
 */
@Component
public class CalendarCoverage {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarCoverage.class);

  private final CalendarProperties calendar;
  private final Today today;

  public CalendarCoverage(CalendarProperties calendar, Today today) {
    this.calendar = calendar;
    this.today = today;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void warnOfMissingYears() {
    missingYears().forEach(year -> LOG.warn("tolerance.calendar has no holidays of {}: working days in {} count "
        + "Saturdays and Sundays only until the State Council's arrangement for {} is added (see README)", year, year, year));
  }

  /** This year and the next, those of them with no holiday configured. */
  List<Integer> missingYears() {
    int year = today.date().getYear();
    return List.of(year, year + 1).stream()
        .filter(y -> calendar.holidays().stream().map(LocalDate::getYear).noneMatch(y::equals)).toList();
  }
}
