package cn.gov.wuzhou.tolerance.common;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tolerance.calendar}: the State Council's holiday arrangement of each year, as dates — the public holidays
 * and the weekend days made working days (调休). See the README for adding a year.
 */
@ConfigurationProperties("tolerance.calendar")
public record CalendarProperties(List<LocalDate> holidays, List<LocalDate> workingWeekends) {

  public CalendarProperties {
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
    workingWeekends = workingWeekends == null ? List.of() : List.copyOf(workingWeekends);
  }
}
