package io.newsroom.cms.curation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class HealthTest {
    @Test
    void readinessChecksTheStoreButNotKeycloak() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItems("MongoDB connection health check"))
                .body("checks.name", not(hasItem("OIDC Provider Health Check"))); // a Keycloak outage takes nothing out of service
    }

    @Test
    void unknownPathsAreProblems() {
        given().get("/nothing-here").then().statusCode(404).contentType("application/problem+json").body("status", is(404));
    }
}
