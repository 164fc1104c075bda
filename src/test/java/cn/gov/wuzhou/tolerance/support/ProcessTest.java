package cn.gov.wuzhou.tolerance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test: the whole application on a fresh in-memory database, with the job executor off
 * so the test runs each job itself ({@code execute(job())}). Its engine has its own name, so it
 * never answers for the {@link HttpTest} context's REST API in the same JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "camunda.bpm.process-engine-name=processTests",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("test")
@Import(MemberCompletes.class)
public @interface ProcessTest {}
