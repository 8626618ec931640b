package io.newsroom.cms.gateway.rest;

import io.smallrye.common.vertx.ContextLocals;

/**
 * The {@code uri} tag of the gateway's request metrics for the routes Quarkus cannot name itself (regular-expression
 * routes and the editor app's pages): without it every path is its own tag value, one per article id or list slug,
 * until Micrometer's limit of 100 values drops the rest. Quarkus REST names its resources the same way.
 */
final class MetricsPaths {
    /** The request-context key Quarkus' Micrometer binder reads the route template from. */
    private static final String TEMPLATE = "UrlPathTemplate";

    private MetricsPaths() {
    }

    /** Names the current request's route in the metrics, e.g. {@code /api/articles/{path}}; on the request's context. */
    static void name(String template) {
        ContextLocals.put(TEMPLATE, template);
    }
}
