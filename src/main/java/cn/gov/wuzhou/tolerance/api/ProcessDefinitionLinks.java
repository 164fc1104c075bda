package cn.gov.wuzhou.tolerance.api;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Tasklist's lists name each task's process (the HAL reply's embedded process definition): the definitions are
 * kept for ten minutes on each node instead of queried with every list, one statement of seven per list. A
 * deployed definition does not change; its suspension, which the list does not show, may be ten minutes late here.
 * Only definitions are kept: users and groups are read with each list, under the caller's permissions.
 */
@Component
public class ProcessDefinitionLinks {

  static final int CAPACITY = 1_000;
  static final long SECONDS_TO_LIVE = 600;

  public ProcessDefinitionLinks() {
    Hal.getInstance().registerHalRelationCache(HalProcessDefinition.class,
        new DefaultHalResourceCache(CAPACITY, SECONDS_TO_LIVE));
  }
}
