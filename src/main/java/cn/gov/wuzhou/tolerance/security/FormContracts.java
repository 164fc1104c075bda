package cn.gov.wuzhou.tolerance.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The contract of a task or a start event: the Camunda Form it references ({@code camunda:formRef}),
 * read from its deployment. A deployed form never changes, so each is parsed once per node; a form bound to
 * its process's own deployment (every form here) is not even looked up again.
 */
final class FormContracts {

  private final Map<String, FormContract> byFormDefinition = new ConcurrentHashMap<>();
  private final Map<String, FormContract> byDeploymentAndKey = new ConcurrentHashMap<>();

  FormContract ofTask(CommandContext context, TaskEntity task) {
    if (task.getTaskDefinition() == null) {
      return FormContract.NONE;
    }
    return of(context, task.getTaskDefinition().getTaskFormHandler().createTaskForm(task));
  }

  FormContract ofStart(CommandContext context, ProcessDefinitionEntity definition) {
    return of(context, definition.getStartFormHandler().createStartFormData(definition));
  }

  private FormContract of(CommandContext context, FormData form) {
    CamundaFormRef ref = form == null ? null : form.getCamundaFormRef();
    if (ref == null || ref.getKey() == null) {
      return FormContract.NONE;
    }
    if (DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(ref.getBinding()) && form.getDeploymentId() != null) {
      String key = form.getDeploymentId() + '/' + ref.getKey();
      FormContract known = byDeploymentAndKey.get(key);
      if (known != null) {
        return known;
      }
      FormContract contract = lookUp(context, ref, form);
      byDeploymentAndKey.put(key, contract);
      return contract;
    }
    return lookUp(context, ref, form);
  }

  private FormContract lookUp(CommandContext context, CamundaFormRef ref, FormData form) {
    CamundaFormDefinition definition = context.runWithoutAuthorization(
        new GetCamundaFormDefinitionCmd(ref, form.getDeploymentId()));
    if (definition == null) {
      return FormContract.NONE;
    }
    return byFormDefinition.computeIfAbsent(definition.getId(), id -> {
      try (InputStream schema = context.runWithoutAuthorization(
          new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName()))) {
        return FormContract.parse(schema);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
