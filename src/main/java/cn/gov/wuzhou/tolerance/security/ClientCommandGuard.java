package cn.gov.wuzhou.tolerance.security;

import cn.gov.wuzhou.tolerance.identity.Agencies;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
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
 *   <li>a claim is for oneself, and one's own claim can be given back; handing a task to someone else (assigning,
 *       delegating, changing its owner or candidates) is for administrators;</li>
 *   <li>Camunda's own task and process attachments are for administrators: files enter through the 材料 API.</li>
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

  // Camunda's own task and process attachments: files enter a case through the 材料 API, with its checks
  private static final List<Class<?>> ATTACHMENTS = List.of(
      CreateAttachmentCmd.class, SaveAttachmentCmd.class, DeleteAttachmentCmd.class);

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
      String handOff = administrator ? null : handOffRefusal(command, context, caller);
      if (handOff != null) {
        throw new AuthorizationException(handOff);
      }
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
      } else if (command instanceof AssignTaskCmd assign && read(assign, "userId") == null
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
      } else if (!administrator && ATTACHMENTS.stream().anyMatch(type -> type.isInstance(command))) {
        throw new AuthorizationException("材料请在案件的“材料”中上传（/api/cases/{id}/documents）；引擎的任务和流程附件只供系统管理员使用");
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

    /**
     * Why the command would hand a task to someone, or take it from someone, as only administrators may; null if it
     * does not. A claim is for oneself; one's own claim may be given back; delegating, assigning, changing the owner,
     * the candidates or, through a task's update, its assignee is for administrators.
     */
    private static String handOffRefusal(Command<?> command, CommandContext context, Authentication caller) {
      String me = caller.getUserId();
      if (command instanceof ClaimTaskCmd claim) {
        return me.equals(read(claim, "userId")) ? null : "只能为自己签收任务；指派给他人须由系统管理员办理";
      }
      if (command instanceof AssignTaskCmd assign) {
        String to = read(assign, "userId");
        if (to == null) {
          return ownClaim(context, read(assign, "taskId"), caller) ? null : "只能退回自己签收的任务";
        }
        return me.equals(to) ? null : "只有系统管理员可以把任务指派给他人";
      }
      if (command instanceof DelegateTaskCmd delegate) {
        return me.equals(read(delegate, "userId")) ? null : "只有系统管理员可以把任务委托给他人";
      }
      if (command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd) {
        return "只有系统管理员可以更改任务的所有人、候选人或候选组";
      }
      if (command instanceof SaveTaskCmd save) {
        TaskEntity changed = read(save, "task");
        TaskEntity stored = changed.getId() == null ? null : context.getTaskManager().findTaskById(changed.getId());
        boolean sameHolders = stored == null
            ? (changed.getAssignee() == null || me.equals(changed.getAssignee()))
                && (changed.getOwner() == null || me.equals(changed.getOwner()))
            : Objects.equals(stored.getAssignee(), changed.getAssignee())
                && Objects.equals(stored.getOwner(), changed.getOwner());
        return sameHolders ? null : "只有系统管理员可以更改任务的办理人或所有人；签收和退回请用“签收”“取消签收”";
      }
      return null;
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
