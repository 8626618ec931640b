-- The social card's own picture (issue 19), on the working copy and every revision (a restore brings it back): a media
-- library picture (seo_image_media_id; seo_image_url then keeps the library's social-card crop URL) or a pasted URL,
-- with its alt text (null on a library picture: the library's). None: the card shows the hero image.
alter table article add column seo_image_url text, add column seo_image_alt text, add column seo_image_media_id uuid;
alter table article_revision add column seo_image_url text, add column seo_image_alt text, add column seo_image_media_id uuid;
-- The published row says which library picture its social card shows, so a change of that picture
-- (cms.media.pictures) rewrites it, as hero_media_id does for the hero.
alter table published_article add column social_media_id uuid;
create index published_article_social_media on published_article (social_media_id) where social_media_id is not null;
