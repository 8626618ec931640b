package io.newsroom.cms.articles;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.QuarkusTestResource;

/** Real infrastructure for every test in this module. */
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
public class ArticlesTestResources {
}
