package cn.gov.wuzhou.tolerance.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Which units' records a query may return: all of them, or those whose group id matches one of a few
 * SQL LIKE patterns ({@code unit-commerce} for one unit, {@code unit-tengxian-%} for a county's units).
 */
public record UnitScope(boolean all, List<String> unitPatterns) {

  public static final UnitScope ALL = new UnitScope(true, List.of());

  public static UnitScope of(List<String> unitPatterns) {
    return new UnitScope(false, List.copyOf(unitPatterns));
  }

  public boolean isEmpty() {
    return !all && unitPatterns.isEmpty();
  }

  /** A condition on the column, to AND into a WHERE clause; its parameters go to {@link #addParameters}. */
  public String condition(String column) {
    if (all) {
      return "1 = 1";
    }
    if (unitPatterns.isEmpty()) {
      return "1 = 0";
    }
    return "(" + String.join(" OR ", unitPatterns.stream().map(p -> column + " LIKE ?").toList()) + ")";
  }

  public List<Object> addParameters(List<Object> parameters) {
    List<Object> all = new ArrayList<>(parameters);
    all.addAll(unitPatterns);
    return all;
  }

  /** Whether a unit's record is within this scope, by the same LIKE semantics as {@link #condition}. */
  public boolean covers(String unitGroup) {
    return all || unitPatterns.stream().anyMatch(pattern -> pattern.endsWith("%")
        ? unitGroup.startsWith(pattern.substring(0, pattern.length() - 1))
        : unitGroup.equals(pattern));
  }
}
