-- The last good feed is stored once, gzip-compressed (issue #16): a 5,000-offer feed is
-- about 3 MB of JSON but 0.35 MB compressed, and each publication wrote the whole text.
-- `body` stays for feeds stored before this migration; new publications write `body_gzip`
-- and leave `body` empty. The hub serves gzip from these bytes as they are.
ALTER TABLE current_feed ADD COLUMN body_gzip bytea;
ALTER TABLE current_feed ALTER COLUMN body DROP NOT NULL;
ALTER TABLE current_feed ADD CONSTRAINT current_feed_has_body CHECK (body IS NOT NULL OR body_gzip IS NOT NULL);
