package io.newsroom.cms.curation;

import io.newsroom.cms.devstack.testing.KafkaResource;
import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.MongoResource;
import io.newsroom.cms.devstack.testing.SiblingServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real infrastructure for every test in this module: Keycloak, a Kafka broker, the Mongo wire server (or
 * CMS_TEST_MONGO_URI), and the real authors and articles services (packaged, as processes) to publish the articles that
 * lists feature. Their events go to the broker as in production, and this service follows the published articles; its
 * own relay is off (the list events wait in the lists' documents), {@link EventsTest} relays them itself.
 */
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(MongoResource.class)
@QuarkusTestResource(value = SiblingServiceResource.class, initArgs = @ResourceArg(name = "services", value = "authors,articles"))
public class CurationTestResources {
}
