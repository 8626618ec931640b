package io.newsroom.cms.media;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.PostgresResource;
import io.newsroom.cms.devstack.testing.S3Resource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real infrastructure for every test in this module: Keycloak, an S3-compatible server and a throw-away database on the real PostgreSQL. */
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(S3Resource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "media"))
public class MediaTestResources {
}
