-- Which revision a published view was written from, so the periodic reconciliation can tell a row that lags behind
-- the article's live revision (written by a replica that did not know the read model, during the upgrade that
-- introduced it). Rows from before this column are rewritten once.
alter table published_article add column revision integer;
