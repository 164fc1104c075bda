package cn.gov.wuzhou.tolerance.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells {@link SqlCounter} which step the server's statements serve: the clerk's step named in the
 * request's {@value #HEADER} header (set before anything else runs, the log-in included), the job's
 * activity for a job, the command's class for any other engine command nobody named.
 */
final class StepLabels {

  static final String HEADER = "X-Bench-Step";

  private StepLabels() {}

  static void install(ConfigurableApplicationContext context) {
    Filter filter = (request, response, chain) -> {
      String step = ((HttpServletRequest) request).getHeader(HEADER);
      try (SqlCounter.Scope scope = step == null ? () -> { } : SqlCounter.step(step)) {
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("benchStepLabels");
    context.getBeanFactory().registerSingleton("benchStepLabelsFilter", registration);
    context.getBeanFactory().registerSingleton("benchStepLabelsPlugin", new CommandSteps());
  }

  private static final class CommandSteps extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
      List<CommandInterceptor> required = configuration.getCustomPreCommandInterceptorsTxRequired() == null
          ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
      required.add(0, new Naming(jdbc));
      configuration.setCustomPreCommandInterceptorsTxRequired(required);
      List<CommandInterceptor> requiresNew = configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null
          ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequiresNew());
      requiresNew.add(0, new Naming(jdbc));
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(requiresNew);
    }
  }

  private static final class Naming extends CommandInterceptor {
    private final JdbcTemplate jdbc;

    Naming(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (SqlCounter.currentStep() != null) {
        return next.execute(command);
      }
      return SqlCounter.during(stepOf(command), () -> next.execute(command));
    }

    private String stepOf(Command<?> command) {
      if (command instanceof ExecuteJobsCmd) {
        String jobId = jobId(command);
        List<String> activity = SqlCounter.paused(() -> jdbc.queryForList(
            "SELECT COALESCE(d.ACT_ID_, j.HANDLER_TYPE_) FROM ACT_RU_JOB j LEFT JOIN ACT_RU_JOBDEF d "
                + "ON d.ID_ = j.JOB_DEF_ID_ WHERE j.ID_ = ?", String.class, jobId));
        return "job " + (activity.isEmpty() ? "(gone)" : activity.get(0));
      }
      return "command " + command.getClass().getSimpleName();
    }

    private static String jobId(Command<?> command) {
      try {
        java.lang.reflect.Field field = ExecuteJobsCmd.class.getDeclaredField("jobId");
        field.setAccessible(true);
        return (String) field.get(command);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
