-- Mutual aid (issue 19): answers to a published post. Numbered 19x after the issue so it
-- never collides with another helper's next migration.
--
-- Someone reading the board writes to the person who posted, through the hub: the message
-- and the answerer's contact are personal data, seen only by the post's mediators (and
-- relayed to the poster by mail when the hub has mail settings). They are deleted when
-- the mediator marks the message handled and, with the post's own data, when the post ends.
CREATE TABLE mutual_aid_messages (
  id text PRIMARY KEY,
  post_id text NOT NULL REFERENCES mutual_aid_posts (id) ON DELETE CASCADE,
  text text NOT NULL,
  contact text NOT NULL,
  relayed_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX mutual_aid_messages_post ON mutual_aid_messages (post_id);
