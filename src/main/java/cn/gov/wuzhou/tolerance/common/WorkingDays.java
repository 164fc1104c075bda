package cn.gov.wuzhou.tolerance.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Working days as the State Council's holiday arrangements make them: Monday to Friday, except the public holidays
 * ({@code tolerance.calendar.holidays}), plus the weekend days made working days (调休, {@code
 * tolerance.calendar.working-weekends}). Each year's arrangement is configuration; a year not configured counts
 * weekends only.
 */
@Component
public class WorkingDays {

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingWeekends;

  public WorkingDays(CalendarProperties calendar) {
    this.holidays = new TreeSet<>(calendar.holidays());
    this.workingWeekends = new TreeSet<>(calendar.workingWeekends());
  }

  public boolean isWorkingDay(LocalDate day) {
    if (workingWeekends.contains(day)) {
      return true;
    }
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    return !weekend && !holidays.contains(day);
  }

  /** The working days after {@code from}, up to and including {@code to}: 0 when {@code to} is not later. */
  public long between(LocalDate from, LocalDate to) {
    return from.plusDays(1).datesUntil(to.plusDays(1)).filter(this::isWorkingDay).count();
  }
}
