/** The content screens' client for /api; errors are the shared ApiError. */
import type {
  ContentCreate,
  ContentImageView,
  ContentItemView,
  ContentSave,
  ContentSummary,
} from '../../../contracts/content.js';
import { call } from '../api-call.js';

export type { ContentItemView, ContentSummary };

const id = encodeURIComponent;

/** Content calls for a region: an administrator names it, others have their own. */
export function contentApi(regionId: string | null) {
  const q = regionId ? `?region=${id(regionId)}` : '';
  return {
    list: () => call<{ items: ContentSummary[] }>('GET', `/api/content${q}`),
    get: (itemId: string) => call<ContentItemView>('GET', `/api/content/${id(itemId)}${q}`),
    create: (input: ContentCreate) => call<ContentItemView>('POST', `/api/content${q}`, input),
    save: (itemId: string, input: ContentSave) =>
      call<ContentItemView>('PUT', `/api/content/${id(itemId)}${q}`, input),
    publish: (itemId: string) =>
      call<ContentItemView>('POST', `/api/content/${id(itemId)}/publish${q}`),
    unpublish: (itemId: string) =>
      call<ContentItemView>('POST', `/api/content/${id(itemId)}/unpublish${q}`),
    restore: (itemId: string, number: number) =>
      call<ContentItemView>('POST', `/api/content/${id(itemId)}/revisions/${number}/restore${q}`),
    uploadImage: (body: { contentType: string; dataBase64: string; alt: Record<string, string> }) =>
      call<ContentImageView>('POST', `/api/content/images${q}`, body),
    preview: (markdown: string) =>
      call<{ html: string }>('POST', '/api/content/preview', { markdown }),
  };
}
