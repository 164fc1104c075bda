package cn.gov.wuzhou.tolerance.bench;

import cn.gov.wuzhou.tolerance.security.BasicAuthenticationWithJsonBody;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Prototype of a candidate change (benchmark only): HTTP Basic whose successful checks are kept
 * for {@link #TTL_MILLIS}, keyed by a SHA-256 of the credentials, together with the user's groups
 * and tenants. A repeated request then costs no password check and none of the three identity
 * queries (user, groups, tenants) that {@code /engine-rest} otherwise runs on every request. A
 * changed password or membership takes effect after the TTL at the latest.
 */
public class CachingBasicAuthenticationProvider extends BasicAuthenticationWithJsonBody {

  static final long TTL_MILLIS = 60_000;
  private static final Map<String, Entry> CACHE = new ConcurrentHashMap<>();

  private record Entry(String user, List<String> groups, List<String> tenants, long expires) {}

  static void clear() {
    CACHE.clear();
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith(BASIC_AUTH_HEADER_PREFIX)) {
      return super.extractAuthenticatedUser(request, engine);
    }
    String key = engine.getName() + ":" + sha256(header);
    long now = System.currentTimeMillis();
    Entry cached = CACHE.get(key);
    if (cached != null && cached.expires > now) {
      return result(cached);
    }
    AuthenticationResult checked = super.extractAuthenticatedUser(request, engine);
    if (!checked.isAuthenticated()) {
      return checked;
    }
    IdentityService identity = engine.getIdentityService();
    String user = checked.getAuthenticatedUser();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    Entry entry = new Entry(user, groups, tenants, now + TTL_MILLIS);
    CACHE.put(key, entry);
    return result(entry);
  }

  private static AuthenticationResult result(Entry entry) {
    AuthenticationResult result = AuthenticationResult.successful(entry.user);
    result.setGroups(entry.groups);
    result.setTenants(entry.tenants);
    return result;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
