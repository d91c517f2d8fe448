-- Mutual aid (issue 19). Numbered after the issue so it never collides with another
-- helper's next migration; versions only need to be unique and increasing per file.

-- Which organisations the office designates as mediators, and for which comuni.
CREATE TABLE mutual_aid_mediators (
  organisation_id text NOT NULL REFERENCES organisations (id),
  comune text NOT NULL,
  PRIMARY KEY (organisation_id, comune)
);

-- Posts. `contact` and `token_hash` are personal data: set to NULL (with `text` and
-- `availability`) as soon as a post is withdrawn, expires, is rejected or done.
CREATE TABLE mutual_aid_posts (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('offro', 'cerco')),
  topic text NOT NULL,
  text text,
  availability text,
  comune text NOT NULL,
  contact text,
  token_hash text,
  state text NOT NULL CHECK (state IN ('pending', 'published', 'rejected', 'done', 'withdrawn', 'expired')),
  reported boolean NOT NULL DEFAULT false,
  reason text,
  mediator_id text REFERENCES organisations (id),
  published_on date,
  expires_on date NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX mutual_aid_posts_state ON mutual_aid_posts (state, comune);

-- Words the office does not want in a post (insults, spam): a post containing one is refused.
CREATE TABLE mutual_aid_words (
  word text PRIMARY KEY
);
