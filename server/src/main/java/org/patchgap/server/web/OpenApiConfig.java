package org.patchgap.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, version and authentication (an API key as a bearer token). */
@Configuration
public class OpenApiConfig {

    @Bean
    OpenAPI patchgapApi() {
        return new OpenAPI()
                .info(new Info().title("Patchgap fleet server API").version("v1")
                        .description("Inventories and findings over time, re-matched when advisories change, and the "
                                + "patch gap measured. Uploads (inventories, advisories) are raw request bodies; "
                                + "see docs/server.md."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("Authorization: Bearer pgk_...")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
