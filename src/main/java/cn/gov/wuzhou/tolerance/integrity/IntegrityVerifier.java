package cn.gov.wuzhou.tolerance.integrity;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.integrity.IntegrityDigests.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-verifies the whole chain against the tables: every entry against the one before it, every record against its
 * entry, every row of a chained table against the chain, and the chain against the digests on file. Names the
 * first record that no longer matches.
 */
@Component
public class IntegrityVerifier {

  /** What is wrong, in chain order. */
  public enum Problem {
    CHANGED("记录内容与存证不符（已被改动）"),
    DELETED("记录已被删除"),
    NOT_IN_CHAIN("记录不在存证链中（未经登记簿写入，或被插入）"),
    CHAIN_BROKEN("存证链条目被改动、删除或插入"),
    DIGEST_MISMATCH("存证链与库外保存的存证摘要不符（存证链已被改写）");

    private final String label;

    Problem(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One record or entry that no longer matches. */
  public record Finding(Problem problem, Long seq, String table, String tableLabel, String key, String message) {}

  /** The result of one verification: {@code first} names the first mismatch, {@code null} if none. */
  public record Report(boolean intact, long entries, String head, int digestsChecked, OffsetDateTime checkedAt,
      Finding first, List<Finding> findings) {}

  static final int MAX_FINDINGS = 100;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final IntegrityDigests digests;
  private final Today today;

  public IntegrityVerifier(DataSource dataSource, PlatformTransactionManager transactionManager,
      IntegrityDigests digests, Today today) {
    this.jdbc = new JdbcTemplate(dataSource);
    // PostgreSQL streams a large result (documents' bytes) only inside a transaction with a fetch size
    this.jdbc.setFetchSize(100);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    this.digests = digests;
    this.today = today;
  }

  public Report verify() {
    return readOnly.execute(status -> walk());
  }

  /** The chain's head as it stands: the number of entries and the last entry's hash. */
  public Digest head() {
    return jdbc.queryForObject("SELECT last_seq, last_hash FROM integrity_head WHERE id = 1",
        (rs, row) -> new Digest(today.date(), rs.getLong(1), rs.getString(2)));
  }

  private Report walk() {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (ChainedTable table : ChainedTables.ALL) {
      Map<String, String> hashes = new HashMap<>();
      jdbc.query("SELECT * FROM " + table.name(), (RowCallbackHandler) row ->
          hashes.put(CanonicalRows.key(row, table), CanonicalRows.hash(row)));
      rows.put(table.name(), hashes);
    }
    Walk walk = new Walk(rows);
    jdbc.query("SELECT seq, record_table, record_key, content_hash, previous_hash, entry_hash, recorded_at"
        + " FROM integrity_entry ORDER BY seq", (RowCallbackHandler) walk::entry);
    Digest head = head();
    if (head.entries() != walk.entryHashes.size() || !head.head().equals(walk.previous)) {
      walk.add(new Finding(Problem.CHAIN_BROKEN, head.entries(), null, null, null,
          "存证链链头（第 " + head.entries() + " 条）与最后一个条目（第 " + walk.entryHashes.size() + " 条）不符"));
    }
    for (ChainedTable table : ChainedTables.ALL) {
      rows.get(table.name()).keySet().stream().sorted().forEach(key -> walk.add(new Finding(Problem.NOT_IN_CHAIN,
          null, table.name(), table.label(), key, table.label() + " " + key + "：" + Problem.NOT_IN_CHAIN.label())));
    }
    List<Digest> onFile = digests.all();
    for (Digest digest : onFile) {
      Optional<String> recorded = digest.entries() >= 1 && digest.entries() <= walk.entryHashes.size()
          ? Optional.of(walk.entryHashes.get((int) digest.entries() - 1)) : Optional.empty();
      boolean matches = digest.entries() == 0 ? true : recorded.map(digest.head()::equals).orElse(false);
      if (!matches) {
        walk.add(new Finding(Problem.DIGEST_MISMATCH, digest.entries(), null, null, null,
            "存证链第 " + digest.entries() + " 条与 " + digest.date() + " 的存证摘要（链头 " + digest.head()
                + "）不符：" + Problem.DIGEST_MISMATCH.label()));
      }
    }
    Finding first = walk.findings.isEmpty() ? null : walk.findings.get(0);
    return new Report(first == null, walk.entryHashes.size(), walk.previous, onFile.size(), today.now(), first,
        List.copyOf(walk.findings));
  }

  /** The state of the walk along the chain, entry by entry. */
  private static final class Walk {

    final Map<String, Map<String, String>> rows;
    final List<String> entryHashes = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    String previous = CanonicalRows.GENESIS;

    Walk(Map<String, Map<String, String>> rows) {
      this.rows = rows;
    }

    void entry(ResultSet entry) throws SQLException {
      long seq = entry.getLong("seq");
      String table = entry.getString("record_table");
      String key = entry.getString("record_key");
      String contentHash = entry.getString("content_hash");
      String previousHash = entry.getString("previous_hash");
      String entryHash = entry.getString("entry_hash");
      long recordedAt = entry.getObject("recorded_at", OffsetDateTime.class).toInstant().toEpochMilli();
      Optional<ChainedTable> chained = ChainedTables.named(table);
      String label = chained.map(ChainedTable::label).orElse(table);
      String record = label + " " + key;
      long expected = entryHashes.size() + 1L;
      if (seq != expected) {
        add(new Finding(Problem.CHAIN_BROKEN, seq, table, label, key,
            "存证链第 " + expected + " 条缺失，其后是第 " + seq + " 条（" + record + "）"));
      } else if (!previousHash.equals(previous)
          || !entryHash.equals(CanonicalRows.entryHash(seq, table, key, contentHash, previousHash, recordedAt))) {
        add(new Finding(Problem.CHAIN_BROKEN, seq, table, label, key,
            "存证链第 " + seq + " 条（" + record + "）被改动，或与前一条目不衔接"));
      }
      entryHashes.add(entryHash);
      previous = entryHash;
      Map<String, String> hashes = rows.get(table);
      String actual = hashes == null ? null : hashes.remove(key);
      if (actual == null) {
        add(new Finding(Problem.DELETED, seq, table, label, key, record + "（存证链第 " + seq + " 条）："
            + Problem.DELETED.label()));
      } else if (!actual.equals(contentHash)) {
        add(new Finding(Problem.CHANGED, seq, table, label, key, record + "（存证链第 " + seq + " 条）："
            + Problem.CHANGED.label()));
      }
    }

    void add(Finding finding) {
      if (findings.size() < MAX_FINDINGS) {
        findings.add(finding);
      }
    }
  }
}
