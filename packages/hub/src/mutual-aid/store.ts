/**
 * Mutual aid in the database (issue 19): what the feed publishes, and the end of a post's
 * personal data. The rules of a published post are core's (checkMutualAidPost), the same
 * the elements and `welfare-feed validate` apply.
 */
import { checkMutualAidPost, type MutualAidPost } from '@welfare-elements/core/mutual-aid/post.js';
import type { Queryable } from '../db/db.js';

/** States in which a post keeps no personal data (contact, link, text). */
export const ENDED = ['rejected', 'done', 'withdrawn', 'expired'] as const;

/** The columns that are personal data, emptied when a post ends. */
export const FORGET = 'contact = NULL, token_hash = NULL, text = NULL, availability = NULL';

/**
 * Ends the posts whose last day has passed and deletes their personal data, in the same
 * statement: nothing of the person stays in the table (nor in backups made afterwards).
 * Runs before every feed build (the publisher's timer) and before a queue is read.
 */
export async function expireMutualAid(q: Queryable, today: string, at: Date): Promise<number> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE mutual_aid_posts SET state = 'expired', ${FORGET}, updated_at = $2
      WHERE expires_on < $1::date AND state NOT IN ('rejected', 'done', 'withdrawn', 'expired') RETURNING id`,
    [today, at],
  );
  await forgetMessages(q);
  return rows.length;
}

/**
 * Deletes the answers (message and the answerer's contact) of every post that has ended:
 * they go with the post's own personal data. Called after each statement that ends posts.
 */
export async function forgetMessages(q: Queryable): Promise<void> {
  await q.query(
    `DELETE FROM mutual_aid_messages m USING mutual_aid_posts p WHERE p.id = m.post_id AND p.state IN ('rejected', 'done', 'withdrawn', 'expired')`,
  );
}

const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * The feed's `mutualAid` section: published posts not past their last day, mediated by an
 * organisation that is not disabled. Only the public columns are read; each post goes
 * through the shared rules once more, so a post that breaks them (a phone number a
 * mediator missed) never reaches /feed.json.
 */
export async function mutualAidForFeed(q: Queryable, today: string): Promise<MutualAidPost[]> {
  const { rows } = await q.query<{
    id: string; kind: string; topic: string; text: string; availability: string | null; comune: string;
    published_on: Date | string; expires_on: Date | string; mediator_id: string;
  }>(
    `SELECT p.id, p.kind, p.topic, p.text, p.availability, p.comune, p.published_on, p.expires_on, p.mediator_id
       FROM mutual_aid_posts p JOIN organisations o ON o.id = p.mediator_id
      WHERE p.state = 'published' AND p.expires_on >= $1::date AND NOT o.disabled
      ORDER BY p.published_on DESC, p.id`,
    [today],
  );
  return rows.flatMap((r) => {
    const checked = checkMutualAidPost({
      id: r.id, kind: r.kind, topic: r.topic, text: r.text, comune: r.comune,
      ...(r.availability ? { availability: r.availability } : {}),
      published: day(r.published_on), expires: day(r.expires_on), mediator: r.mediator_id,
    });
    return 'post' in checked ? [checked.post] : [];
  });
}
