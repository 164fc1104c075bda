package cn.gov.wuzhou.tolerance.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The registry pages (登记查询) under {@code /registry/}: static pages in {@code static/registry} that read the
 * registry API with the webapps' login. Only the folder's address needs a mapping, to its list of pages.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/registry", "/registry/");
    registry.addViewController("/registry/").setViewName("forward:/registry/index.html");
  }
}
