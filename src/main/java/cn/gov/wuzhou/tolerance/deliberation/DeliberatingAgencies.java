package cn.gov.wuzhou.tolerance.deliberation;

import java.util.List;
import org.springframework.stereotype.Component;

/** Read by the multi-instance task {@code giveOpinion}: {@code ${deliberatingAgencies.groups()}} is its collection. */
@Component("deliberatingAgencies")
public class DeliberatingAgencies {

  public List<String> groups() {
    return DeliberatingAgency.groupIds();
  }

  public String label(String groupId) {
    return DeliberatingAgency.ofGroup(groupId).label();
  }
}
