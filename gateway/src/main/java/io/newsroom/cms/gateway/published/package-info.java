/**
 * Empty on purpose: the gateway keeps no read model of its own. The public documents are the services' (the articles
 * service's stored public JSON, the authors' profiles, curation's lists); the gateway passes them through, composes
 * the author page from typed records ({@code service}) and keeps composed answers in its cache ({@code repository}).
 */
package io.newsroom.cms.gateway.published;
