package io.newsroom.cms.webhooks;

import io.newsroom.cms.devstack.testing.KafkaResource;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real infrastructure for every test in this module: Keycloak, a Kafka broker and a throw-away database on the real PostgreSQL. */
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "webhooks"))
public class WebhooksTestResources {
}
