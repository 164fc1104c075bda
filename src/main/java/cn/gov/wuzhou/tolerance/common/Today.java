package cn.gov.wuzhou.tolerance.common;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Today's date in Wuzhou, read from the engine clock so tests can move time as timers do. */
@Component
public class Today {

  private final ZoneId zone;

  public Today(ToleranceProperties properties) {
    this.zone = ZoneId.of(properties.zone());
  }

  public LocalDate date() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }

  /** Now in Wuzhou, with its offset. */
  public OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }

  /** The same moment as Wuzhou's clocks show it (a database may hand it back in UTC). */
  public OffsetDateTime local(OffsetDateTime moment) {
    return moment.atZoneSameInstant(zone).toOffsetDateTime();
  }

  /** The moment a day begins in Wuzhou. */
  public Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  /** The moment a day ends in Wuzhou, as an ISO date-time with offset that timers and due dates accept. */
  public String endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString();
  }
}
