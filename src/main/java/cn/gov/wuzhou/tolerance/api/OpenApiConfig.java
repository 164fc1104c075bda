package cn.gov.wuzhou.tolerance.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read API's OpenAPI description, served at {@code /api-docs} (JSON) and {@code /api-docs.yaml}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenAPI registryApi() {
    return new OpenAPI()
        .info(new Info().title("容错纠错 登记查询接口").version("1")
            .description("事前备案、认定决定、结果运用保护事项、定期会商纪要和统计。以 Camunda 用户的 HTTP Basic 认证；"
                + "单位只能看到本单位的记录，县级机关看到本县（市、区）的记录，市级监督机关看到全部。"))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
