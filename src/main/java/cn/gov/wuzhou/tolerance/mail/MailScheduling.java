package cn.gov.wuzhou.tolerance.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the outbox's sender and the reminders on their intervals; tests that drive them themselves turn it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tolerance.mail.scheduling", havingValue = "true", matchIfMissing = true)
class MailScheduling {}
