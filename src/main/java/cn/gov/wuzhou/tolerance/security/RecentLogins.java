package cn.gov.wuzhou.tolerance.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * HTTP Basic logins that succeeded in the last {@link #HOLD}, with the user's groups and tenants: a client's next
 * requests with the very same header skip the password check and the three identity queries (user, groups, tenants)
 * {@code /engine-rest} otherwise runs on every request. A change of any user, group or membership made on this node
 * (Admin, the REST API, the seeder) forgets every login at once, again when its transaction commits; one made on
 * another node or in SQL holds within {@link #HOLD}, as a {@code REVOKE} does ({@link GroupAuthorizationChecks}).
 * Only successful checks are kept — every failed or new spelling of a header is checked and throttled as before —
 * and only as a keyed hash of the header, never the password.
 */
final class RecentLogins {

  static final Duration HOLD = Duration.ofSeconds(10);
  // many spellings of valid headers must not grow the map without bound
  static final int MAX_LOGINS = 10_000;

  private record Login(String engine, AuthenticationResult result, long generation, long heldUntil) {}

  private static final Map<String, Login> LOGINS = new ConcurrentHashMap<>();
  private static final AtomicLong GENERATION = new AtomicLong();
  private static final byte[] KEY = new byte[32];

  static {
    new SecureRandom().nextBytes(KEY);
  }

  private RecentLogins() {}

  static Optional<AuthenticationResult> recent(String engine, String header) {
    Login login = LOGINS.get(keyOf(header));
    if (login == null || !login.engine().equals(engine) || login.generation() != GENERATION.get()
        || System.nanoTime() - login.heldUntil() > 0) {
      return Optional.empty();
    }
    return Optional.of(copy(login.result()));
  }

  /** Keeps a successful login; {@code generation} is {@link #generation()} as read before the password was checked. */
  static void remember(String engine, String header, AuthenticationResult result, long generation) {
    if (LOGINS.size() >= MAX_LOGINS) {
      LOGINS.clear();
    }
    LOGINS.put(keyOf(header), new Login(engine, copy(result), generation, System.nanoTime() + HOLD.toNanos()));
  }

  static long generation() {
    return GENERATION.get();
  }

  /** A user, group, tenant or membership changed in this command: forget every login now and at commit. */
  static void identityChanged() {
    forgetAll();
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, context -> forgetAll());
    }
  }

  private static void forgetAll() {
    GENERATION.incrementAndGet();
    LOGINS.clear();
  }

  private static AuthenticationResult copy(AuthenticationResult result) {
    AuthenticationResult copy = AuthenticationResult.successful(result.getAuthenticatedUser());
    copy.setGroups(List.copyOf(result.getGroups()));
    copy.setTenants(List.copyOf(result.getTenants()));
    return copy;
  }

  private static String keyOf(String header) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(header.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
