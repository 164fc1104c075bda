package cn.gov.wuzhou.tolerance.integrity;

import java.util.List;

/**
 * A registry table whose rows enter the hash chain: its name, what a person calls one of its records, and the
 * columns that name a row. Every column of the row is hashed (see {@link CanonicalRows}).
 */
public record ChainedTable(String name, String label, List<String> keyColumns) {

  public static ChainedTable of(String name, String label, String... keyColumns) {
    return new ChainedTable(name, label, List.of(keyColumns));
  }
}
