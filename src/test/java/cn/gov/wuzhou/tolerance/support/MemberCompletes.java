package cn.gov.wuzhou.tolerance.support;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Process tests complete tasks without signing in. The registry writes a decision only where members of the
 * entitled groups did the steps (EntitledSteps), so here a task completed without a person is first given to a
 * member of its candidate group, as that member's claim would.
 */
@TestConfiguration
public class MemberCompletes extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof CompleteTaskCmd && configuration.getIdentityService().getCurrentAuthentication() == null) {
          giveToMember(configuration, taskId(command));
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private static void giveToMember(ProcessEngineConfigurationImpl configuration, String taskId) {
    Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getAssignee() != null) {
      return;
    }
    for (IdentityLink link : configuration.getTaskService().getIdentityLinksForTask(taskId)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        User member = configuration.getIdentityService().createUserQuery().memberOfGroup(link.getGroupId())
            .listPage(0, 1).stream().findFirst().orElse(null);
        if (member != null) {
          configuration.getTaskService().setAssignee(taskId, member.getId());
          return;
        }
      }
    }
  }

  private static String taskId(Command<?> command) {
    try {
      Field field = CompleteTaskCmd.class.getDeclaredField("taskId");
      field.setAccessible(true);
      return (String) field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
