-- The hub's first schema. Never edit this file once released: add 002_*.sql instead.
-- Ids are text (feed ids such as "svc-001" or generated UUIDs); records keep their feed
-- v1 object in `data` (jsonb) and every saved version in a *_versions table.

CREATE TABLE organisations (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'other' CHECK (kind IN ('public', 'third-sector', 'other')),
  website text,
  trusted boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'editor')),
  organisation_id text REFERENCES organisations (id),
  password_hash text,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- An editor always belongs to one organisation; the office's admins to none.
  CHECK (role = 'admin' OR organisation_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_organisation ON users (organisation_id);

-- Only a hash of the session id is stored: a leaked table opens no session.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  address text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One-time links: invitations (new account) and password resets. Only the hash of the token.
CREATE TABLE invitations (
  token_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('invite', 'reset')),
  email text NOT NULL,
  role text CHECK (role IN ('admin', 'editor')),
  organisation_id text REFERENCES organisations (id),
  user_id text REFERENCES users (id) ON DELETE CASCADE,
  created_by text REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- Offers (feed v1 services). `data` is the working copy, `published_data` what the feed shows.
CREATE TABLE services (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id),
  state text NOT NULL CHECK (state IN ('draft', 'submitted', 'published', 'returned', 'archived')),
  version integer NOT NULL,
  data jsonb NOT NULL,
  published_data jsonb,
  note text,
  verified_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text REFERENCES users (id)
);
CREATE INDEX services_organisation ON services (organisation_id);
CREATE INDEX services_state ON services (state);

CREATE TABLE service_versions (
  service_id text NOT NULL REFERENCES services (id),
  version integer NOT NULL,
  state text NOT NULL,
  data jsonb NOT NULL,
  note text,
  saved_at timestamptz NOT NULL DEFAULT now(),
  saved_by text REFERENCES users (id),
  PRIMARY KEY (service_id, version)
);

-- Access points: the office's own, published when saved.
CREATE TABLE access_points (
  id text PRIMARY KEY,
  version integer NOT NULL,
  data jsonb NOT NULL,
  archived boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text REFERENCES users (id)
);

CREATE TABLE access_point_versions (
  access_point_id text NOT NULL REFERENCES access_points (id),
  version integer NOT NULL,
  data jsonb NOT NULL,
  archived boolean NOT NULL DEFAULT false,
  saved_at timestamptz NOT NULL DEFAULT now(),
  saved_by text REFERENCES users (id),
  PRIMARY KEY (access_point_id, version)
);

-- Notices (feed v1 notices); organisation_id null = the office's own.
CREATE TABLE notices (
  id text PRIMARY KEY,
  organisation_id text REFERENCES organisations (id),
  state text NOT NULL CHECK (state IN ('draft', 'published', 'archived')),
  version integer NOT NULL,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text REFERENCES users (id)
);
CREATE INDEX notices_organisation ON notices (organisation_id);

CREATE TABLE notice_versions (
  notice_id text NOT NULL REFERENCES notices (id),
  version integer NOT NULL,
  state text NOT NULL,
  data jsonb NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  saved_by text REFERENCES users (id),
  PRIMARY KEY (notice_id, version)
);

-- The office's categories (feed v1 category objects) in the order it shows them.
CREATE TABLE categories (
  id text PRIMARY KEY,
  position integer NOT NULL DEFAULT 0,
  data jsonb NOT NULL
);

-- The territory: the comuni of the Ambito with their centres.
CREATE TABLE comuni (
  id text PRIMARY KEY,
  name text NOT NULL,
  lat double precision,
  lon double precision,
  patron text
);

-- Feed-level settings the office keeps (title, thesaurus, audiences...): key → JSON value.
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE audit_log (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text,
  address text,
  action text NOT NULL,
  target_type text,
  target_id text,
  detail jsonb
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Each time the feed changed (or a new one was refused), and the last good feed itself:
-- kept in the database so a restart serves it before anything else happens.
CREATE TABLE publications (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  ok boolean NOT NULL,
  etag text,
  services integer NOT NULL DEFAULT 0,
  notices integer NOT NULL DEFAULT 0,
  access_points integer NOT NULL DEFAULT 0,
  errors integer NOT NULL DEFAULT 0,
  problems jsonb,
  reason text
);

CREATE TABLE current_feed (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  publication_id integer NOT NULL REFERENCES publications (id),
  body text NOT NULL,
  etag text NOT NULL,
  published_at timestamptz NOT NULL
);
