/**
 * What the media service fetches from outside: the pictures editors import from an address they pasted
 * ({@link io.newsroom.cms.media.client.SourceFetcher}, each host checked by
 * {@link io.newsroom.cms.media.client.SourceAddresses}), and the relay of its events to Kafka. It calls no other
 * part: object storage is where it keeps its bytes ({@code repository.ObjectStore}); the parts that use pictures
 * report their usage to it.
 */
package io.newsroom.cms.media.client;
