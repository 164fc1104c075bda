package cn.gov.wuzhou.tolerance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ToleranceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ToleranceApplication.class, args);
  }
}
