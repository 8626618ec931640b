-- Which articles each author has been put on. The articles service claims an author for an article before it saves
-- a byline naming them (its service account only); an author with any claim can be deactivated but not deleted.
-- Per article, so that a claim made for a save that then failed is released without touching the author's other
-- bylines.
create table byline_claim (
    author_id  uuid        not null references author (id),
    article_id uuid        not null,
    claimed_at timestamptz not null,
    primary key (author_id, article_id)
);
create index byline_claim_article_idx on byline_claim (article_id);

-- Bylines from before claims were per article: one claim each for no article in particular (the nil id), which no
-- article's release touches.
insert into byline_claim (author_id, article_id, claimed_at)
select id, '00000000-0000-0000-0000-000000000000', now() from author where bylined;
alter table author drop column bylined;
