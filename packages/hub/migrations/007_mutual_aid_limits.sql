-- Mutual aid (issue 19): the abuse limits and the form-token key kept in the database, so a
-- restart forgets nothing and several hub processes on one PostgreSQL count the same
-- attempts. Numbered 1919 (issue 19) so it never collides with another helper's 19x.
--
-- One row per post, answer or report, per scope; `key` is an HMAC of the client address or
-- of the contact with the key below, never the address or the contact itself. Rows older
-- than the longest window (a day) are deleted as new ones come in. Neither table is in
-- backups (ops/backup.ts skips them).
CREATE TABLE mutual_aid_attempts (
  scope text NOT NULL,
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX mutual_aid_attempts_key ON mutual_aid_attempts (scope, key, at);
CREATE INDEX mutual_aid_attempts_at ON mutual_aid_attempts (at);

-- The key that signs the form tokens (when a form was shown) and keys the HMACs above.
CREATE TABLE mutual_aid_keys (
  name text PRIMARY KEY,
  value text NOT NULL
);
