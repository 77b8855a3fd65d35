/** Records the authorization matrix calls routes about (see authorization-matrix.ts). */
import { createApiToken } from '../src/server/modules/tokens/tokens.service.js';
import { addUser } from '../src/server/modules/users/manage-users.service.js';
import type { MatrixContext } from './authorization-matrix.js';
import { createTestUser } from './support/auth.js';
import { createOpenCampaign, postTip, sampleTip } from './support/referral.js';

let counter = 0;

/** A fresh host of 3427 in the demo region (each call: disabling one must not spoil the next). */
export async function hostUser(ctx: MatrixContext) {
  const user = await createTestUser(ctx.t, { role: 'host', municipalityCodes: ['3427'] });
  return { id: user.id };
}

/** A fresh host of 3427 who has not accepted their invitation yet. */
export async function invitedUser(ctx: MatrixContext) {
  counter += 1;
  const { user } = await addUser(
    ctx.t.deps.db,
    ctx.t.clock,
    { kind: 'system', label: 'matrix' },
    {
      email: `invited.${counter}.${Date.now()}@example.no`,
      name: 'Invitert',
      role: 'host',
      regionId: ctx.t.demoRegionId,
      municipalityCodes: ['3427'],
    },
    { publicUrl: ctx.t.deps.config.publicUrl, sendEmail: false },
  );
  return { id: user.id };
}

/** A fresh token of the matrix's host (each call: revoking one must not spoil the next). */
export async function hostToken(ctx: MatrixContext) {
  const created = await createApiToken(
    ctx.t.deps.db,
    ctx.t.clock,
    { kind: 'system', label: 'matrix' },
    ctx.users.host.id,
    { name: 'matrix' },
  );
  return { id: created.id };
}

const campaignOf = (ctx: MatrixContext) =>
  ctx.memo('campaign', () => createOpenCampaign(ctx.sessions.programme_leader));

/** An open referral campaign of the demo region. */
export async function demoCampaign(ctx: MatrixContext) {
  return { campaignId: (await campaignOf(ctx)).id };
}

/** The demo campaign, given to the matrix's caller (a caller calls for one campaign only). */
export async function callingCampaign(ctx: MatrixContext) {
  const { campaignId } = await demoCampaign(ctx);
  await ctx.t.deps.db
    .updateTable('users')
    .set({ campaignId })
    .where('id', '=', ctx.users.caller.id)
    .execute();
  return { campaignId };
}

/** A fresh prospect in 3427 (each call: erasing one must not spoil the next). */
export async function prospectIn3427(ctx: MatrixContext) {
  const campaign = await campaignOf(ctx);
  counter += 1;
  const name = `Matrise Person ${counter}`;
  const phone = `9${String(1_000_000 + counter).padStart(7, '0')}`;
  const res = await postTip(
    ctx.t,
    campaign.id,
    sampleTip({ person: { name, phone, addressLine: `Matrisevegen ${counter}` } }),
  );
  if (res.statusCode !== 201) throw new Error(`tip: ${res.statusCode} ${res.body}`);
  const list = await ctx.sessions.programme_leader.request({
    url: `/api/campaigns/${campaign.id}/prospects`,
  });
  const prospects = (list.json() as { prospects: Array<{ id: string; name: string }> }).prospects;
  const prospect = prospects.find((p) => p.name === name);
  if (!prospect) throw new Error(`no prospect ${name} in ${list.body}`);
  return { id: prospect.id };
}
