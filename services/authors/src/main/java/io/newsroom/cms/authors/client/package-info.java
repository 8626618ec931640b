/**
 * Empty on purpose: the authors service calls no other part. The articles service calls it (byline claims, the
 * profile changes feed) and the gateway reads public profiles from it; neither is ever called back.
 */
package io.newsroom.cms.authors.client;
