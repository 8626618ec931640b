package io.newsroom.cms.gateway.rest;

import io.newsroom.cms.gateway.api.PublicRecords.FrontendConfig;
import io.newsroom.cms.gateway.config.GatewayConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Runtime settings for the editor app, so one frontend build works against any Keycloak. */
@Path("/config.json")
public class FrontendConfigResource {
    @Inject
    GatewayConfig config;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public FrontendConfig config() {
        return new FrontendConfig(config.frontend().keycloakUrl().toString(), "cms", "cms-editor");
    }
}
