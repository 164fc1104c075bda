package cn.gov.wuzhou.tolerance.consultation;

import cn.gov.wuzhou.tolerance.common.County;
import cn.gov.wuzhou.tolerance.common.InvalidFieldException;
import cn.gov.wuzhou.tolerance.identity.Agencies;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The city and the counties as consultation levels, each with its bodies from the {@link Jurisdiction}. */
@Component
public class ConsultationLevels {

  private final List<ConsultationLevel> levels;

  public ConsultationLevels(Jurisdiction jurisdiction) {
    List<ConsultationLevel> all = new ArrayList<>();
    all.add(new ConsultationLevel(ConsultationLevel.CITY, "梧州市", jurisdiction.city().get(Role.DISCIPLINE_INSPECTION),
        jurisdiction.city().get(Role.ORGANIZATION_DEPT), jurisdiction.city().get(Role.PARTY_COMMITTEE),
        Agencies.UNIT_PREFIX + "%"));
    for (County county : jurisdiction.counties()) {
      all.add(new ConsultationLevel(county.code(), county.label(), jurisdiction.group(Role.DISCIPLINE_INSPECTION, county),
          jurisdiction.group(Role.ORGANIZATION_DEPT, county), jurisdiction.group(Role.PARTY_COMMITTEE, county),
          county.unitGroupPattern()));
    }
    this.levels = List.copyOf(all);
  }

  /** The city first, then each county. */
  public List<ConsultationLevel> all() {
    return levels;
  }

  public ConsultationLevel city() {
    return levels.get(0);
  }

  public ConsultationLevel of(County county) {
    return parse(county.code());
  }

  /** {@code CITY} or a county code such as {@code tengxian}. */
  public ConsultationLevel parse(String code) {
    return levels.stream().filter(level -> level.code().equalsIgnoreCase(code.strip())).findFirst()
        .orElseThrow(() -> new InvalidFieldException("level", "会商层级", "的取值 " + code + " 无效，应为 CITY（梧州市）或县（市、区）代码 "
            + String.join(" | ", levels.stream().skip(1).map(level -> level.code() + "（" + level.name() + "）").toList())));
  }
}
