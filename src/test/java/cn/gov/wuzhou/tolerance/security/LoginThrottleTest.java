package cn.gov.wuzhou.tolerance.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.security.LoginThrottle.Admitted;
import cn.gov.wuzhou.tolerance.security.LoginThrottle.Refused;
import cn.gov.wuzhou.tolerance.security.LoginThrottle.Verdict;
import cn.gov.wuzhou.tolerance.security.SecurityProperties.LoginThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  static final String ATTACKER = "10.0.0.66";
  static final String OWNER = "10.0.0.7";

  final MovingClock clock = new MovingClock();
  final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottleSettings(2, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofHours(1), 10), clock);

  @Test
  void afterTheFreeFailuresEachFailureDoublesTheWaitUpToTheLongest() {
    fail("sifa", ATTACKER);
    fail("sifa", ATTACKER);
    assertThat(throttle.admit("sifa", ATTACKER)).isInstanceOf(Admitted.class);

    for (long seconds : new long[] {1, 2, 4, 4, 4}) {
      throttle.failed("sifa", ATTACKER);
      assertThat(throttle.admit("sifa", ATTACKER)).isEqualTo(new Refused(Duration.ofSeconds(seconds)));
      clock.advance(Duration.ofSeconds(seconds));
      assertThat(throttle.admit("sifa", ATTACKER)).isInstanceOf(Admitted.class);
    }
  }

  @Test
  void theOwnerFromAnotherAddressIsNotSlowedDown() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("sifa", ATTACKER);
    }

    assertThat(throttle.admit("sifa", ATTACKER)).isInstanceOf(Refused.class);
    assertThat(throttle.admit("sifa", OWNER)).isEqualTo(new Admitted(false));
    assertThat(throttle.admit("SIFA", ATTACKER)).as("the same account in other letters").isInstanceOf(Refused.class);
  }

  @Test
  void aCorrectPasswordStartsAfresh() {
    for (int i = 0; i < 3; i++) {
      fail("sifa", OWNER);
    }
    clock.advance(Duration.ofSeconds(1));
    throttle.admit("sifa", OWNER);
    throttle.succeeded("sifa", OWNER);

    assertThat(throttle.admit("sifa", OWNER)).isEqualTo(new Admitted(false));
  }

  @Test
  void failuresAreForgottenAfterAnHour() {
    for (int i = 0; i < 3; i++) {
      fail("sifa", ATTACKER);
    }
    clock.advance(Duration.ofHours(1).plusSeconds(1));

    fail("sifa", ATTACKER);
    assertThat(throttle.admit("sifa", ATTACKER)).as("one failure after the quiet hour is a free one")
        .isInstanceOf(Admitted.class);
  }

  @Test
  void onceAPairHasFailedItsPasswordsAreCheckedOneAtATime() {
    fail("sifa", ATTACKER);

    assertThat(throttle.admit("sifa", ATTACKER)).isEqualTo(new Admitted(true));
    assertThat(throttle.admit("sifa", ATTACKER)).isEqualTo(new Refused(Duration.ofSeconds(1)));
    throttle.released("sifa", ATTACKER);
    assertThat(throttle.admit("sifa", ATTACKER)).isEqualTo(new Admitted(true));
  }

  @Test
  void guessingWithEverNewNamesForgetsTheOldestNotTheRecent() {
    for (int i = 0; i < 3; i++) {
      fail("early", ATTACKER);
    }
    for (int n = 0; n < 30; n++) {
      clock.advance(Duration.ofMillis(10));
      for (int i = 0; i < 3; i++) {
        throttle.failed("name-" + n, ATTACKER);
      }
    }

    assertThat(throttle.admit("early", ATTACKER)).as("forgotten: memory holds 10 pairs").isEqualTo(new Admitted(false));
    assertThat(throttle.admit("name-29", ATTACKER)).isInstanceOf(Refused.class);
  }

  private void fail(String user, String address) {
    Verdict verdict = throttle.admit(user, address);
    assertThat(verdict).isInstanceOf(Admitted.class);
    throttle.failed(user, address);
  }

  static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
