package cn.gov.wuzhou.tolerance.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose public methods a process model may call in an expression ({@code ${required.text(task, …)}}).
 * A process owner's deployment may call these and nothing else; delegates are referenced, never called.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CallableFromModels {}
