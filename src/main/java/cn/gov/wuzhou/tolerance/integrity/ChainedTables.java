package cn.gov.wuzhou.tolerance.integrity;

import java.util.List;
import java.util.Optional;

/**
 * The registry tables in the hash chain. To add a table: one line here, and a call of
 * {@link IntegrityChain#append} with the row's key values in the transaction that inserts each row. Rows of a
 * table are never updated or deleted: a correction is a new row that points to the one it corrects.
 */
public final class ChainedTables {

  public static final List<ChainedTable> ALL = List.of(
      ChainedTable.of("prefiling", "事前备案", "prefiling_no"),
      ChainedTable.of("decision", "认定决定", "decision_no"),
      ChainedTable.of("protection_notice", "结果运用通知", "decision_no", "matter"),
      ChainedTable.of("protection_acknowledgement", "结果运用知悉", "decision_no", "matter", "department", "revision"),
      ChainedTable.of("decision_service", "认定意见书送达", "decision_no", "step"),
      ChainedTable.of("consultation", "会商纪要", "consultation_no"),
      ChainedTable.of("case_document", "材料", "id"),
      ChainedTable.of("deployment_archive", "部署存档", "deployment_id", "resource_name"),
      ChainedTable.of("pending_deployment", "待审批部署", "pending_no"),
      ChainedTable.of("pending_deployment_file", "待审批部署文件", "pending_no", "resource_name"),
      ChainedTable.of("deployment_approval", "部署审批", "pending_no"));

  private ChainedTables() {}

  public static Optional<ChainedTable> named(String name) {
    return ALL.stream().filter(table -> table.name().equals(name)).findFirst();
  }
}
