package cn.gov.wuzhou.tolerance.database;

import cn.gov.wuzhou.tolerance.common.EngineSessions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbBulkOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationType;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The runtime variables of a process instance that ends are deleted by one statement, not one per variable.
 *
 * <p>The engine deletes each variable row of an ending instance by its id and revision: about 80 statements when
 * a case ends. Its history is untouched (the engine writes none for these deletions). The instance's own row is
 * still deleted by id and revision, so a concurrent change of the instance still fails the transaction; a variable
 * changed concurrently is deleted with the rest instead of failing it, as the instance holding it is gone either way.
 */
@Component
public class EndedInstanceVariables extends AbstractProcessEnginePlugin {

  static final String DELETE_STATEMENT = "deleteVariablesOfEndedProcessInstance";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, DbEntityManager.class, () -> new Manager(configuration.getIdGenerator(),
        Context.getCommandContext().getSession(PersistenceSession.class)));
  }

  // after init: the engine has built its MyBatis configuration by now
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(DELETE_STATEMENT)) {
      String sql = "DELETE FROM " + configuration.getDatabaseTablePrefix() + "ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ?";
      StaticSqlSource source = new StaticSqlSource(mybatis, sql,
          List.of(new ParameterMapping.Builder(mybatis, "processInstanceId", String.class).build()));
      mybatis.addMappedStatement(new MappedStatement.Builder(mybatis, DELETE_STATEMENT, source, SqlCommandType.DELETE)
          .build());
    }
  }

  static final class Manager extends DbEntityManager {

    // a deleted variable forgets its instance right after (the engine detaches it from its execution)
    private final Map<String, String> instanceOfDeletedVariable = new HashMap<>();

    Manager(IdGenerator idGenerator, PersistenceSession persistence) {
      super(idGenerator, persistence);
    }

    @Override
    public void delete(DbEntity entity) {
      if (entity instanceof VariableInstanceEntity variable && variable.getProcessInstanceId() != null) {
        instanceOfDeletedVariable.put(variable.getId(), variable.getProcessInstanceId());
      }
      super.delete(entity);
    }

    @Override
    protected void flushEntityCache() {
      super.flushEntityCache();
      SortedSet<DbEntityOperation> variables = dbOperationManager.deletes.get(VariableInstanceEntity.class);
      SortedSet<DbEntityOperation> executions = dbOperationManager.deletes.get(ExecutionEntity.class);
      if (variables == null || executions == null) {
        return;
      }
      Set<String> ended = new HashSet<>();
      for (DbEntityOperation operation : executions) {
        ExecutionEntity execution = (ExecutionEntity) operation.getEntity();
        if (execution.getId().equals(execution.getProcessInstanceId())) {
          ended.add(execution.getId());
        }
      }
      Set<String> bulk = new HashSet<>();
      variables.removeIf(operation -> {
        String instance = instanceOfDeletedVariable.get(operation.getEntity().getId());
        if (instance == null || !ended.contains(instance)) {
          return false;
        }
        bulk.add(instance);
        return true;
      });
      // ordered like the single deletions: after the variables' updates, before byte arrays, tasks and executions
      bulk.forEach(instance -> dbOperationManager.addOperation(
          new DbBulkOperation(DbOperationType.DELETE_BULK, VariableInstanceEntity.class, DELETE_STATEMENT, instance)));
    }
  }
}
