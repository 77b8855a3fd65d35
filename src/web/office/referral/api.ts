/**
 * The campaign screens' client for /api. Kept beside the screens so the office's shared
 * client stays as it is; errors are the same ApiError, so the shared form helpers apply.
 * A write fetches the session's CSRF token first: these writes are few (create a campaign,
 * merge, make a batch), and the token is then always the current one.
 */
import type { z } from 'zod';
import type {
  Campaign,
  CampaignCreateSchema,
  CampaignPatchSchema,
  FrontImageUpload,
} from '../../../contracts/referral.js';
import type {
  DuplicateProposal,
  PostcardBatch,
  ProspectDetail,
  ProspectListSchema,
  ProspectPatch,
} from '../../../contracts/referral-office.js';
import { call } from '../api-call.js';

export type { Campaign, DuplicateProposal, PostcardBatch, ProspectDetail };
export type ProspectList = z.infer<typeof ProspectListSchema>;
export type CampaignInput = z.input<typeof CampaignCreateSchema>;
export type CampaignChange = z.input<typeof CampaignPatchSchema>;
export type { ProspectPatch };

const id = encodeURIComponent;

/** Programme leaders and admins make and change campaigns; hosts follow up their people. */
export const mayManageCampaigns = (role: string) => role === 'admin' || role === 'programme_leader';

export const referralApi = {
  campaigns: () => call<{ campaigns: Campaign[] }>('GET', '/api/campaigns'),
  campaign: (campaignId: string) => call<Campaign>('GET', `/api/campaigns/${id(campaignId)}`),
  createCampaign: (input: CampaignInput) => call<Campaign>('POST', '/api/campaigns', input),
  updateCampaign: (campaignId: string, change: CampaignChange) =>
    call<Campaign>('PATCH', `/api/campaigns/${id(campaignId)}`, change),
  uploadFrontImage: (campaignId: string, upload: FrontImageUpload) =>
    call<Campaign>('PUT', `/api/campaigns/${id(campaignId)}/front-image`, upload),
  /** The stored picture; `version` (the campaign's updatedAt) gets past the browser's cache. */
  frontImageUrl: (campaignId: string, version: string) =>
    `/api/campaigns/${id(campaignId)}/front-image?v=${encodeURIComponent(version)}`,
  prospect: (prospectId: string) => call<ProspectDetail>('GET', `/api/prospects/${id(prospectId)}`),
  updateProspect: (prospectId: string, change: ProspectPatch) =>
    call<ProspectDetail>('PATCH', `/api/prospects/${id(prospectId)}`, change),
  prospects: (campaignId: string, held: boolean) =>
    call<ProspectList>('GET', `/api/campaigns/${id(campaignId)}/prospects${held ? '/held' : ''}`),
  release: (prospectId: string) =>
    call<ProspectDetail>('POST', `/api/prospects/${id(prospectId)}/release`),
  erase: (prospectId: string) => call<void>('DELETE', `/api/prospects/${id(prospectId)}`),
  duplicates: (campaignId: string) =>
    call<{ proposals: DuplicateProposal[] }>('GET', `/api/campaigns/${id(campaignId)}/duplicates`),
  merge: (proposalId: string, keepId: string) =>
    call<unknown>('POST', `/api/duplicates/${id(proposalId)}/merge`, { keepId }),
  keepApart: (proposalId: string) =>
    call<unknown>('POST', `/api/duplicates/${id(proposalId)}/keep-apart`),
  batches: (campaignId: string) =>
    call<{ batches: PostcardBatch[] }>('GET', `/api/campaigns/${id(campaignId)}/postcard-batches`),
  createBatch: (campaignId: string) =>
    call<PostcardBatch>('POST', `/api/campaigns/${id(campaignId)}/postcard-batches`),
  markSent: (batchId: string) =>
    call<PostcardBatch>('POST', `/api/postcard-batches/${id(batchId)}/sent`),
  fileUrl: (batchId: string, kind: 'pdf' | 'csv') =>
    `/api/postcard-batches/${id(batchId)}/postcards.${kind}`,
};
