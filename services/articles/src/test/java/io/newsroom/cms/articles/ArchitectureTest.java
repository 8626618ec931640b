package io.newsroom.cms.articles;

import io.newsroom.cms.devstack.testing.SkeletonTest;

/** The service skeleton of services/README.md, checked on this part's classes with the shared rules. Articles is the reference service. */
class ArchitectureTest extends SkeletonTest {
    ArchitectureTest() {
        super("articles");
    }
}
