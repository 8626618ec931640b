/**
 * Empty on purpose: no code here reads a setting. The service's one own key,
 * {@code cms.authors.public-profiles.reconcile-every}, is the schedule expression of
 * {@code service.PublicProfileReconciler} (Quarkus checks it at start-up); everything else is Quarkus's own
 * configuration in application.properties. A setting read by code gets a {@code @ConfigMapping} interface here.
 */
package io.newsroom.cms.authors.config;
