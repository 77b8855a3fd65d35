import type { MatrixContext } from '../authorization-matrix.js';
import { addNewcomer } from './newcomers.js';

/** A page of the demo region, made by its programme leader (for the authorization matrix). */
export async function contentOfDemoRegion(ctx: MatrixContext) {
  const id = await ctx.memo('content-page', async () => {
    const res = await ctx.sessions.programme_leader.request({
      method: 'POST',
      url: '/api/content',
      payload: {
        kind: 'page',
        slug: `matrise-${Date.now()}`,
        texts: { nb: { title: 'Matrise', body: 'Tekst.' } },
      },
    });
    return res.json().id as string;
  });
  return { id, number: '1' };
}

/** A story of a newcomer in 3427 of the demo region (for the authorization matrix). */
export async function storyIn3427(ctx: MatrixContext) {
  const id = await ctx.memo('newcomer-story', async () => {
    const newcomerId = await addNewcomer(ctx.t);
    const res = await ctx.sessions.programme_leader.request({
      method: 'POST',
      url: '/api/newcomer-stories',
      payload: { newcomerId, locale: 'nb', title: 'Historie', body: 'Vi trivst.' },
    });
    return res.json().id as string;
  });
  return { id };
}
