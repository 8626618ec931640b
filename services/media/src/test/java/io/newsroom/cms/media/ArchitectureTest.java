package io.newsroom.cms.media;

import io.newsroom.cms.devstack.testing.SkeletonTest;

/** The service skeleton of services/README.md, checked on this part's classes with the shared rules. */
class ArchitectureTest extends SkeletonTest {
    ArchitectureTest() {
        super("media");
    }
}
