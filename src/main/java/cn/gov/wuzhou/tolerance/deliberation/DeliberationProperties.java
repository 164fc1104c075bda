package cn.gov.wuzhou.tolerance.deliberation;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The 一事一议 deliberation (M7) under {@code tolerance.deliberation}.
 *
 * @param agencies the groups the accountability office asks for an opinion on every complex matter; the office
 *                 may add others for one matter
 */
@ConfigurationProperties("tolerance.deliberation")
public record DeliberationProperties(List<String> agencies) {

  public DeliberationProperties {
    agencies = agencies == null || agencies.isEmpty()
        ? List.of("discipline-inspection", "organization-dept", "hr-social-security", "staffing-office", "justice-bureau")
        : List.copyOf(agencies);
  }
}
