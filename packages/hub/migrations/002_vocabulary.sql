-- The office edits its categories, audiences and comuni through the API (issue #16):
-- each gets a version (If-Match, like offers) and can be archived instead of deleted.

ALTER TABLE categories ADD COLUMN archived boolean NOT NULL DEFAULT false;
ALTER TABLE categories ADD COLUMN version integer NOT NULL DEFAULT 1;

-- The patron saint's day (MM-DD) beside its name (`patron`): it becomes the feed's patronDays.
ALTER TABLE comuni ADD COLUMN patron_date text;
ALTER TABLE comuni ADD COLUMN archived boolean NOT NULL DEFAULT false;
ALTER TABLE comuni ADD COLUMN version integer NOT NULL DEFAULT 1;

-- Audiences were a list in settings; now each is a record like a category: {id, name?}
-- (without a name the pages use the elements' own Italian/English names for known ids).
CREATE TABLE audiences (
  id text PRIMARY KEY,
  position integer NOT NULL DEFAULT 0,
  data jsonb NOT NULL,
  archived boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1
);

INSERT INTO audiences (id, position, data)
  SELECT coalesce(a.value->>'id', a.value #>> '{}'), a.ordinality::integer,
         CASE WHEN jsonb_typeof(a.value) = 'object' THEN a.value
              ELSE jsonb_build_object('id', a.value #>> '{}') END
  FROM settings s, jsonb_array_elements(s.value) WITH ORDINALITY AS a(value, ordinality)
  WHERE s.key = 'audiences' AND jsonb_typeof(s.value) = 'array'
  ON CONFLICT (id) DO NOTHING;

DELETE FROM settings WHERE key = 'audiences';
