-- The updated_at of the profile the stored public JSON was written from, so the periodic reconciliation can tell a
-- JSON that lags the profile (an edit by a replica that did not know the column, during the upgrade that
-- introduced it). Rows from before this column are rewritten once.
alter table author add column public_updated_at timestamptz;
