import { sql } from 'kysely';
import type { FlytthitMigration } from './helpers.js';

/**
 * Two indexes that let "next person" be one statement on PostgreSQL (ADR 0010). Frozen once
 * landed.
 *
 * - `prospects_call_order`: the people still to be called, in the order they are called
 *   (fewest attempts, then longest waiting, then id). The pick walks it from the top and stops
 *   at the first person free, instead of reading and sorting the municipality's whole pool.
 * - `claims_open_per_caller`: a caller holds at most one open claim in a campaign. A double tap
 *   that loses the race is refused by the index, so a claim no longer needs a transaction that
 *   locks the caller first. Open claims of a caller that an older version left beside a newer
 *   one (a lease run out in another municipality) are closed as expired first.
 */
export const callingOrder: FlytthitMigration = {
  name: '0025-calling-order',
  async up({ db }) {
    await sql`
      create index prospects_call_order on prospects (
        campaign_id, municipality_code, call_attempts,
        (coalesce(next_call_at, first_tipped_at)), id)
      where calling_closed_at is null
    `.execute(db);
    await sql`
      update claims set closed_at = expires_at, close_reason = 'expired'
      where closed_at is null and exists (
        select 1 from claims newer
        where newer.caller_id = claims.caller_id and newer.campaign_id = claims.campaign_id
          and newer.closed_at is null
          and (newer.claimed_at > claims.claimed_at
            or (newer.claimed_at = claims.claimed_at and newer.id > claims.id)))
    `.execute(db);
    await sql`
      create unique index claims_open_per_caller on claims (caller_id, campaign_id)
      where closed_at is null
    `.execute(db);
  },
};
