package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.security.SecurityProperties.LoginThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per account and client address, in this node's memory.
 *
 * <p>After {@code freeFailures} failures of one account from one address, each further failure
 * makes that pair wait {@code firstDelay}, doubled per failure up to {@code maxDelay}; while it
 * waits, its logins are not even checked. Once a pair has failed, it gets one check at a time, so
 * parallel requests cannot guess past the count. A correct login clears the pair. The same account
 * from another address is not affected, so whoever hammers an account never locks its owner out.
 */
final class LoginThrottle {

  sealed interface Verdict permits Admitted, Refused {}

  /** The check may go ahead; {@code tracked}: the pair has failed before and this is its one check. */
  record Admitted(boolean tracked) implements Verdict {}

  record Refused(Duration retryAfter) implements Verdict {}

  private static final Admitted UNTRACKED = new Admitted(false);
  private static final Admitted TRACKED = new Admitted(true);
  // another check of the same pair is under way: ask again shortly
  private static final Duration BUSY = Duration.ofSeconds(1);

  private final LoginThrottleSettings settings;
  private final Clock clock;
  private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(LoginThrottleSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  private record Key(String user, String address) {
    static Key of(String user, String address) {
      return new Key(user.toLowerCase(Locale.ROOT), address);
    }
  }

  private static final class Failures {
    int count;
    long lastFailure;
    long waitUntil;
    boolean checking;
  }

  Verdict admit(String user, String address) {
    Failures pair = failures.get(Key.of(user, address));
    if (pair == null) {
      return UNTRACKED;
    }
    long now = clock.millis();
    synchronized (pair) {
      if (now < pair.waitUntil) {
        return new Refused(Duration.ofMillis(pair.waitUntil - now));
      }
      if (pair.checking) {
        return new Refused(BUSY);
      }
      pair.checking = true;
      return TRACKED;
    }
  }

  void failed(String user, String address) {
    Key key = Key.of(user, address);
    long now = clock.millis();
    if (!failures.containsKey(key) && failures.size() >= settings.maxTracked()) {
      prune(now);
    }
    Failures pair = failures.computeIfAbsent(key, k -> new Failures());
    synchronized (pair) {
      if (now - pair.lastFailure > settings.forgetAfter().toMillis()) {
        pair.count = 0;
      }
      pair.count++;
      pair.lastFailure = now;
      pair.checking = false;
      int beyondFree = pair.count - settings.freeFailures();
      if (beyondFree > 0) {
        pair.waitUntil = now + delay(beyondFree).toMillis();
      }
    }
  }

  void succeeded(String user, String address) {
    if (!failures.isEmpty()) {
      failures.remove(Key.of(user, address));
    }
  }

  /** The check ended without telling whether the password was right (another error). */
  void released(String user, String address) {
    Failures pair = failures.get(Key.of(user, address));
    if (pair != null) {
      synchronized (pair) {
        pair.checking = false;
      }
    }
  }

  private Duration delay(int beyondFree) {
    Duration max = settings.maxDelay();
    // 2^30 times any first delay is beyond any sensible cap; a larger shift would overflow
    Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(beyondFree - 1, 30));
    return delay.compareTo(max) > 0 ? max : delay;
  }

  // Forgets what is old; if that is not enough, the tenth longest quiet, so that guessing with ever new
  // names cannot grow the memory without bound (a forgotten pair starts again with its free failures).
  private void prune(long now) {
    long forget = settings.forgetAfter().toMillis();
    failures.values().removeIf(pair -> now - pair.lastFailure > forget && now >= pair.waitUntil);
    int excess = failures.size() - settings.maxTracked() + Math.max(1, settings.maxTracked() / 10);
    if (excess > 0) {
      failures.entrySet().stream()
          .sorted(Comparator.comparingLong(entry -> entry.getValue().lastFailure))
          .limit(excess)
          .map(Map.Entry::getKey)
          .toList()
          .forEach(failures::remove);
    }
  }
}
