package io.newsroom.cms.webhooks.domain;

import java.util.UUID;

/** An endpoint the worker just disabled, and why (the reason the admin API shows). */
public record DisabledEndpoint(UUID id, String url, String reason) {
}
