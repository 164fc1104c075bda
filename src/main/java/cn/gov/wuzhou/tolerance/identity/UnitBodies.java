package cn.gov.wuzhou.tolerance.identity;

import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The body of each role for one reporting unit: the unit's own party organization and 派驻纪检监察组 where
 * configured ({@link UnitOrganizations}), else its level's ({@link Jurisdiction}).
 */
@Component
public class UnitBodies {

  private final Jurisdiction jurisdiction;
  private final UnitOrganizations organizations;

  public UnitBodies(Jurisdiction jurisdiction, UnitOrganizations organizations) {
    this.jurisdiction = jurisdiction;
    this.organizations = organizations;
  }

  public Map<Role, String> of(String unitGroup) {
    Map<Role, String> groups = jurisdiction.groups(unitGroup);
    organizations.partyOrganization(unitGroup).ifPresent(group -> groups.put(Role.PARTY_COMMITTEE, group));
    organizations.dispatchedGroup(unitGroup).ifPresent(group -> groups.put(Role.DISPATCHED_DISCIPLINE_GROUP, group));
    return groups;
  }
}
