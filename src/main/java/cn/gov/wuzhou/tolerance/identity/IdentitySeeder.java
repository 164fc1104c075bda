package cn.gov.wuzhou.tolerance.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gov.wuzhou.tolerance.ToleranceProperties;
import cn.gov.wuzhou.tolerance.consultation.ConsultationLevel;
import cn.gov.wuzhou.tolerance.consultation.ConsultationLevels;
import cn.gov.wuzhou.tolerance.deliberation.DeliberationProperties;
import cn.gov.wuzhou.tolerance.identity.Agencies.DemoUser;
import cn.gov.wuzhou.tolerance.identity.Agencies.GroupSpec;
import cn.gov.wuzhou.tolerance.identity.Jurisdiction.Role;
import cn.gov.wuzhou.tolerance.identity.TasklistFilters.FilterSpec;
import cn.gov.wuzhou.tolerance.registry.RegistryLock;
import cn.gov.wuzhou.tolerance.security.PasswordRules;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates on start what the agencies need: their groups (the city's, the counties', the units' own party
 * organizations and 派驻组, the 职能部门 of 一事一议, all from configuration but the city's standing ones), the administrator, the demo users
 * (unless under the prod profile), the authorizations of each role and the Tasklist filters.
 * Creates only what is missing, under a database lock, so restarts and nodes starting together
 * neither duplicate nor fail; what an administrator changed later is left as it is.
 */
@Component
class IdentitySeeder implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final RegistryLock lock;
  private final TransactionTemplate transaction;
  private final ToleranceProperties properties;
  private final Jurisdiction jurisdiction;
  private final UnitOrganizations organizations;
  private final DeliberationProperties deliberation;
  private final ConsultationLevels levels;

  IdentitySeeder(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, RegistryLock lock,
      PlatformTransactionManager transactionManager, ToleranceProperties properties, Jurisdiction jurisdiction,
      UnitOrganizations organizations, DeliberationProperties deliberation, ConsultationLevels levels) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.lock = lock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.properties = properties;
    this.jurisdiction = jurisdiction;
    this.organizations = organizations;
    this.deliberation = deliberation;
    this.levels = levels;
  }

  @Override
  public void run(ApplicationArguments args) {
    transaction.executeWithoutResult(status -> {
      lock.acquire(RegistryLock.IDENTITY_SEED);
      seed();
    });
  }

  void seed() {
    Agencies.groups().forEach(this::ensureGroup);
    jurisdiction.countyBodies().forEach(this::ensureGroup);
    organizations.groups().forEach(this::ensureGroup);
    deliberation.departmentGroups().forEach(this::ensureGroup);
    ensureUser(Agencies.admin(), properties.adminPassword());
    if (properties.demoUsers()) {
      Agencies.demoUsers().forEach(user -> ensureUser(user, properties.demoPassword()));
    }
    for (Resources resource : Resources.values()) {
      ensureGrant(AUTH_TYPE_GRANT, Agencies.ADMIN_GROUP, resource, ANY, Permissions.ALL);
    }
    ensureGrant(AUTH_TYPE_GLOBAL, null, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // process names on Tasklist's cards; reading a definition opens none of its instances
    ensureGrant(AUTH_TYPE_GLOBAL, null, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    // process owners deploy from Modeler and read what is deployed; no instance, task or history permission
    ensureGrant(AUTH_TYPE_GRANT, Agencies.PROCESS_OWNER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    ensureGrant(AUTH_TYPE_GRANT, Agencies.PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    ensureGrant(AUTH_TYPE_GRANT, Agencies.PROCESS_OWNER, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY,
        Permissions.READ);
    // M7: the bodies that consult may also start a consultation of their level by hand
    for (ConsultationLevel level : levels.all()) {
      for (String group : List.of(level.disciplineGroup(), level.organizationGroup())) {
        ensureGrant(AUTH_TYPE_GRANT, group, Resources.PROCESS_DEFINITION, "jointConsultation", Permissions.CREATE_INSTANCE);
        ensureGrant(AUTH_TYPE_GRANT, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      }
    }
    // 问责 matters: each level's 纪委监委 and 问责承办机关 may open a case for a unit of its level (BindReportingUnit)
    for (Role role : BindReportingUnit.OPENING_BODIES) {
      for (String group : jurisdiction.groupsOf(role)) {
        ensureGrant(AUTH_TYPE_GRANT, group, Resources.PROCESS_DEFINITION, "toleranceCase", Permissions.CREATE_INSTANCE);
        ensureGrant(AUTH_TYPE_GRANT, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      }
    }
    for (FilterSpec spec : TasklistFilters.all(taskService)) {
      String filterId = ensureFilter(spec);
      ensureGrant(AUTH_TYPE_GLOBAL, null, Resources.FILTER, filterId, Permissions.READ);
    }
  }

  private void ensureGroup(GroupSpec spec) {
    if (identityService.createGroupQuery().groupId(spec.id()).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(spec.id());
    group.setName(spec.name());
    group.setType(spec.type());
    identityService.saveGroup(group);
    LOG.info("Created group {} ({})", spec.id(), spec.name());
  }

  private void ensureUser(DemoUser spec, String password) {
    User existing = identityService.createUserQuery().userId(spec.id()).singleResult();
    if (existing != null) {
      // demo users made before they had addresses get theirs; an address set in Admin stays
      if (properties.demoUsers() && (existing.getEmail() == null || existing.getEmail().isBlank())) {
        existing.setEmail(demoAddress(spec));
        identityService.saveUser(existing);
      }
      return;
    }
    User user = identityService.newUser(spec.id());
    user.setFirstName(spec.firstName());
    user.setLastName(spec.lastName());
    if (properties.demoUsers()) {
      user.setEmail(demoAddress(spec));
    }
    user.setPassword(password);
    // a demonstration installation keeps its well-known password (demo); a real one's administrator meets the policy
    boolean demonstration = properties.demoUsers();
    PasswordPolicy policy = identityService.getPasswordPolicy();
    if (!demonstration && policy != null && !identityService.checkPasswordAgainstPolicy(password, user).isValid()) {
      // the engine would only say "Password does not match policy"
      throw new IllegalStateException("The password of " + spec.id() + " (TOLERANCE_ADMIN_PASSWORD for admin) does not "
          + "meet the password policy: " + PasswordRules.describe(policy));
    }
    ((IdentityServiceImpl) identityService).saveUser(user, demonstration);
    identityService.createMembership(spec.id(), spec.groupId());
    LOG.info("Created user {} in group {}", spec.id(), spec.groupId());
  }

  /** Demo users' mail goes to {@code <id>@example.gov.cn}, a domain that reaches nobody. */
  static String demoAddress(DemoUser spec) {
    return spec.id() + "@example.gov.cn";
  }

  private void ensureGrant(int type, String groupId, Resource resource, String resourceId, Permission... permissions) {
    var query = authorizationService.createAuthorizationQuery()
        .authorizationType(type).resourceType(resource).resourceId(resourceId);
    query = groupId == null ? query.userIdIn(Authorization.ANY) : query.groupIdIn(groupId);
    if (query.count() > 0) {
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(type);
    if (groupId == null) {
      authorization.setUserId(Authorization.ANY);
    } else {
      authorization.setGroupId(groupId);
    }
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private String ensureFilter(FilterSpec spec) {
    Filter existing = filterService.createFilterQuery().filterName(spec.name()).singleResult();
    if (existing != null) {
      // the columns follow the task cards (a new column such as 事项编号 reaches filters made by an earlier version)
      if (!spec.properties().equals(existing.getProperties())) {
        filterService.saveFilter(existing.setProperties(spec.properties()));
      }
      return existing.getId();
    }
    Filter filter = filterService.newTaskFilter(spec.name())
        .setQuery(spec.query())
        .setProperties(spec.properties());
    return filterService.saveFilter(filter).getId();
  }
}
