package cn.gov.wuzhou.tolerance.security;

import java.util.concurrent.atomic.AtomicInteger;

/** A class a hostile model names ({@code camunda:formHandlerClass}): counts whether anything made one. */
public class InstantiationProbe {

  static final AtomicInteger INSTANCES = new AtomicInteger();

  public InstantiationProbe() {
    INSTANCES.incrementAndGet();
  }
}
