package io.newsroom.cms.curation;

import io.newsroom.cms.devstack.testing.KeycloakResource;
import io.newsroom.cms.devstack.testing.MongoResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real infrastructure for every test in this module. */
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(MongoResource.class)
public class CurationTestResources {
}
