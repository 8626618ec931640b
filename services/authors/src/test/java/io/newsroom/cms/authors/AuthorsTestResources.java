package io.newsroom.cms.authors;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real infrastructure for every test in this module: Keycloak and a throw-away database on the real PostgreSQL. */
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "authors"))
public class AuthorsTestResources {
}
