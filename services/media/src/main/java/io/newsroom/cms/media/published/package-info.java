/**
 * Empty on purpose: the media service keeps no read model of its own. What readers get of it are renditions, made
 * once per content-addressed name and then served from object storage as they are ({@code service.RenditionMaker}).
 */
package io.newsroom.cms.media.published;
