-- The name a person goes by (their token's "name" claim when last seen), so notifications say "Erin Ellis assigned
-- you", as presence and the lock dialog do, instead of the username. Null until they are next seen; readers fall
-- back to the username.
alter table known_user add column display_name text;
