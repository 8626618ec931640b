/**
 * Empty on purpose: the media service calls no other part. Object storage is where it keeps its bytes
 * ({@code repository.ObjectStore}); the parts that use pictures report their usage to it.
 */
package io.newsroom.cms.media.client;
