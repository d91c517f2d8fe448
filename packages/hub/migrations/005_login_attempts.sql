-- Login throttling kept in the database (issue #16): it survives a restart and is shared by
-- every hub process on the same PostgreSQL. One row per failed login, per account (the
-- lower-case email tried) and per client address; rows older than the window are deleted as
-- new failures come in. Not in backups (ops/backup.ts skips this table).
CREATE TABLE login_attempts (
  scope text NOT NULL CHECK (scope IN ('account', 'address')),
  key text NOT NULL,
  at timestamptz NOT NULL
);

CREATE INDEX login_attempts_key ON login_attempts (scope, key, at);
CREATE INDEX login_attempts_at ON login_attempts (at);
