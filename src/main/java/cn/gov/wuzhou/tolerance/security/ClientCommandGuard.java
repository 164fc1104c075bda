package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.identity.Agencies;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * What a logged-in person may write into a case, enforced inside the engine, so that it holds for
 * Tasklist, {@code /engine-rest} and the Java API alike (MISSION.md, "What a client may write"):
 * <ul>
 *   <li>a start or a task completion carries only the fields of its deployed Camunda Form
 *       ({@link FormContract}); read-only fields sent back unchanged are dropped, not rewritten;</li>
 *   <li>writing variables, moving a case's tokens, throwing BPMN errors from a task, correlating
 *       messages and signals is for administrators only: everyone else goes through the forms;</li>
 *   <li>a claim is for oneself (administrators may assign), and one's own claim can be given back.</li>
 * </ul>
 * Only the command a client called is checked: what the engine runs inside it (delegates, listeners,
 * called processes) and jobs run without a person are the system's own work.
 */
@Component
public class ClientCommandGuard extends AbstractProcessEnginePlugin {

  // every command that changes a case's variables or its position other than through a form
  private static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(
      AbstractVariableCmd.class, AbstractPatchVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class,
      HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
      StartProcessInstanceAtActivitiesCmd.class, AbstractInstantiationCmd.class, ModifyProcessInstanceCmd.class,
      ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
      ProcessInstanceModificationBatchCmd.class, AbstractRestartProcessInstanceCmd.class, AbstractMigrationCmd.class,
      AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class,
      SignalCmd.class, SignalEventReceivedCmd.class, EvaluateStartConditionCmd.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Guard(new FormContracts()));
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  static final class Guard extends CommandInterceptor {

    // commands called from within a command (by delegates, listeners) are the engine's own
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private final FormContracts contracts;

    Guard(FormContracts contracts) {
      this.contracts = contracts;
    }

    @Override
    public <T> T execute(Command<T> command) {
      int depth = DEPTH.get();
      DEPTH.set(depth + 1);
      try {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context.getAuthentication();
        if (depth > 0 || caller == null || caller.getUserId() == null) {
          return next.execute(command);
        }
        return guard(command, context, caller);
      } finally {
        DEPTH.set(depth);
      }
    }

    private <T> T guard(Command<T> command, CommandContext context, Authentication caller) {
      boolean administrator = caller.getGroupIds() != null && caller.getGroupIds().contains(Agencies.ADMIN_GROUP);
      if (command instanceof StartProcessInstanceCmd start) {
        ProcessInstantiationBuilderImpl builder = read(start, "instantiationBuilder");
        ProcessDefinitionEntity definition = context.runWithoutAuthorization(new GetDeployedProcessDefinitionCmd(builder, false));
        admitStart(context, definition, builder.getModificationBuilder(), "processVariables");
      } else if (command instanceof SubmitStartFormCmd submit) {
        ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedProcessDefinitionById(read(submit, "processDefinitionId"));
        admitStart(context, definition, submit, "variables");
      } else if (command instanceof CompleteTaskCmd complete) {
        admitCompletion(context, complete, "variables");
      } else if (command instanceof SubmitTaskFormCmd submit) {
        admitCompletion(context, submit, "properties");
      } else if (command instanceof ClaimTaskCmd claim && !administrator) {
        String userId = read(claim, "userId");
        if (userId != null && !userId.equals(caller.getUserId())) {
          throw new AuthorizationException("只能为自己签收任务；指派给他人须由系统管理员办理");
        }
      } else if (command instanceof AssignTaskCmd assign && read(assign, "value") == null
          && ownClaim(context, read(assign, "taskId"), caller)) {
        // giving back one's own claim needs no right to assign tasks
        context.disableAuthorizationCheck();
        try {
          return next.execute(command);
        } finally {
          context.enableAuthorizationCheck();
        }
      } else if (!administrator && ADMINISTRATORS_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
        throw new AuthorizationException("只有系统管理员可以直接修改案件变量或流转；请通过任务表单办理");
      }
      return next.execute(command);
    }

    private void admitStart(CommandContext context, ProcessDefinitionEntity definition, Object holder, String field) {
      // the caller's right to start comes first, so a refusal never tells an outsider about the form
      for (CommandChecker checker : checkers(context)) {
        checker.checkCreateProcessInstance(definition);
      }
      Map<String, Object> submitted = read(holder, field);
      write(holder, field, Variables.fromMap(contracts.ofStart(context, definition)
          .admit(submitted == null ? Map.of() : submitted, name -> null)));
    }

    private void admitCompletion(CommandContext context, Command<?> command, String field) {
      TaskEntity task = context.getTaskManager().findTaskById(read(command, "taskId"));
      if (task == null) {
        return; // the command reports the missing task itself
      }
      for (CommandChecker checker : checkers(context)) {
        checker.checkTaskWork(task);
      }
      Map<String, Object> submitted = read(command, field);
      write(command, field, Variables.fromMap(contracts.ofTask(context, task)
          .admit(submitted == null ? Map.of() : submitted, task::getVariable)));
    }

    private static boolean ownClaim(CommandContext context, String taskId, Authentication caller) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      return task != null && caller.getUserId().equals(task.getAssignee());
    }

    private static List<CommandChecker> checkers(CommandContext context) {
      return context.getProcessEngineConfiguration().getCommandCheckers();
    }
  }

  // The engine's commands keep what a client sent in protected fields without accessors.
  @SuppressWarnings("unchecked")
  static <T> T read(Object holder, String name) {
    try {
      return (T) field(holder, name).get(holder);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static void write(Object holder, String name, Object value) {
    try {
      field(holder, name).set(holder, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field field(Object holder, String name) {
    for (Class<?> type = holder.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // declared further up
      }
    }
    throw new IllegalStateException(holder.getClass().getName() + " has no field " + name + " (Camunda upgrade?)");
  }
}
