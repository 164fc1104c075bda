package cn.gov.wuzhou.tolerance.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names the node's job executor after {@code tolerance.node-name} (default: a random id), so an
 * operator sees in ACT_RU_JOB.LOCK_OWNER_ which node of a cluster holds a job.
 */
@Component
public class NodeName extends AbstractProcessEnginePlugin {

  private final String name;

  public NodeName(@Value("${tolerance.node-name:}") String name) {
    this.name = name;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!name.isBlank() && configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }
}
