package io.newsroom.cms.articles;

import io.newsroom.cms.devstack.testing.KafkaResource;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.PostgresResource;
import io.newsroom.cms.devstack.testing.SiblingServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real infrastructure for every test in this module: Keycloak, a Kafka broker, a throw-away database on the real PostgreSQL, and
 * the real authors service (packaged, as its own process) for byline checks.
 */
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
@QuarkusTestResource(value = SiblingServiceResource.class, initArgs = @ResourceArg(name = "services", value = "authors"))
public class ArticlesTestResources {
}
