package cn.gov.wuzhou.tolerance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the tolerance system under {@code tolerance.*} in application.yaml.
 *
 * @param demoUsers     create the demo identities of MISSION.md (never under the prod profile)
 * @param demoPassword  password of every demo user
 * @param adminPassword password of the {@code admin} user; required when demo users are off
 * @param zone          time zone in which "today" is reckoned for dates and numbers
 * @param reportingDeadlineWorkingDays  working days from discovery within which an error report counts as timely (M5)
 * @param correctionDeadlineDays days within which the correction is due unless the acknowledging committee sets
 *                               another deadline (M5)
 * @param correctionDeadlineMaxDays the latest deadline a committee may set, or 纪委监委 grant as an extension, in days
 *                               from the day it does so
 * @param supervisionIntervalDays while a correction is overdue, the superior committee is asked to supervise
 *                               at the deadline and again after each such interval
 * @param correctionClosingDays  days after the deadline at which a correction still not verified is closed as
 *                               not corrected in time, so that the case goes on to review
 * @param consultationCycle      when the periodic consultations (定期会商, M7) start: a Camunda timer cycle,
 *                               such as a cron expression
 */
@ConfigurationProperties("tolerance")
public record ToleranceProperties(
    boolean demoUsers,
    String demoPassword,
    String adminPassword,
    String zone,
    Integer reportingDeadlineWorkingDays,
    Integer correctionDeadlineDays,
    Integer correctionDeadlineMaxDays,
    Integer supervisionIntervalDays,
    Integer correctionClosingDays,
    String consultationCycle) {

  /** 09:00 on the first day of each quarter. */
  public static final String QUARTERLY = "0 0 9 1 1,4,7,10 ?";

  public ToleranceProperties {
    zone = zone == null || zone.isBlank() ? "Asia/Shanghai" : zone;
    reportingDeadlineWorkingDays = reportingDeadlineWorkingDays == null ? 3 : reportingDeadlineWorkingDays;
    correctionDeadlineDays = correctionDeadlineDays == null ? 30 : correctionDeadlineDays;
    correctionDeadlineMaxDays = correctionDeadlineMaxDays == null ? 180 : correctionDeadlineMaxDays;
    supervisionIntervalDays = supervisionIntervalDays == null ? 15 : supervisionIntervalDays;
    correctionClosingDays = correctionClosingDays == null ? 60 : correctionClosingDays;
    consultationCycle = consultationCycle == null || consultationCycle.isBlank() ? QUARTERLY : consultationCycle;
    if (!demoUsers && (adminPassword == null || adminPassword.isBlank())) {
      throw new IllegalStateException(
          "TOLERANCE_ADMIN_PASSWORD must be set: without demo users (prod profile) it is the only way in");
    }
  }
}
