package io.newsroom.cms.gateway.routing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.newsroom.cms.gateway.config.GatewayConfig;
import jakarta.inject.Inject;

/** Runtime settings for the editor app, so one frontend build works against any Keycloak. */
@Path("/config.json")
public class FrontendConfigResource {
    public record FrontendConfig(String keycloakUrl, String realm, String clientId) {
    }

    @Inject
    GatewayConfig config;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public FrontendConfig config() {
        return new FrontendConfig(config.frontend().keycloakUrl().toString(), "cms", "cms-editor");
    }
}
