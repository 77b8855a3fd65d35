/**
 * Table types as Kysely sees them (camelCase; the database is snake_case).
 * Times are ISO-8601 text, booleans 0/1, JSON text: see db/portable.ts.
 * Each module adds its tables here beside its migration.
 */
import type { ColumnType, Generated } from 'kysely';

export interface RegionTable {
  id: string;
  slug: string;
  name: string;
  /** Host name the public site answers to for this region (optional). */
  hostname: string | null;
  /** 1 when the region's people, tips and calls are invented demo data. */
  isDemo: number;
  themeColor: string;
  createdAt: string;
}

/** The national municipality register (KLASS 131), one row per code valid now. */
export interface MunicipalityTable {
  code: string;
  name: string;
  /** Kartverket's name where it differs (Sámi/Kven parallel names), e.g. "Rosse - Røros". */
  officialName: string;
  countyCode: string;
  countyName: string;
  slug: string;
}

/** KLASS 131 code changes: old code → new code on a date. */
export interface MunicipalityCodeChangeTable {
  id: Generated<number>;
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  changedOn: string;
  /** 'renumbered' | 'merged' | 'split' */
  kind: string;
}

export interface RegionMunicipalityTable {
  regionId: string;
  municipalityCode: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  /** 'admin' | 'programme_leader' | 'host' | 'caller' | 'organiser' (0012-events) */
  role: string;
  regionId: string | null;
  /** Callers only: the campaign they call for (the campaigns module adds the table). */
  campaignId: string | null;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabled: number;
  locale: string;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserMunicipalityTable {
  userId: string;
  municipalityCode: string;
}

/** A person's identity at an OpenID Connect provider. */
export interface UserIdentityTable {
  id: string;
  userId: string;
  issuer: string;
  subject: string;
  createdAt: string;
}

export interface SessionTable {
  /** sha256 of the cookie value; the value itself is never stored. */
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  /** 1 once the second factor is done (or not required). */
  mfaDone: number;
  /** 'password' | 'oidc': an identity provider does its own second factor. */
  signInMethod: string;
  regionId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  emailKey: string;
  ip: string | null;
  succeeded: number;
  at: string;
}

export interface OneTimeTokenTable {
  /** sha256 of the token. */
  id: string;
  /** 'invitation' | 'password_reset' | 'first_admin' | 'caller_link' | 'oidc_state' */
  purpose: string;
  userId: string | null;
  data: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  /** First characters, shown so a person can tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface IdentityProviderTable {
  id: string;
  regionId: string | null;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** Role given to people who sign in the first time; null: only existing users may sign in. */
  defaultRole: string | null;
  createdAt: string;
  /** JSON array of municipality numbers for those people (hosts and callers need some). */
  defaultMunicipalityCodes: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorUserId: string | null;
  /** How the actor appears in the log: an email, 'system', 'anonymous', 'cli'. */
  actorLabel: string;
  action: string;
  /** 'success' | 'failure' | 'denied' */
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  regionId: string | null;
  municipalityCode: string | null;
  ip: string | null;
  /** JSON: never a password, token or secret. */
  details: string | null;
}

export interface OutboxTable {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** 'pending' | 'sent' | 'failed' | 'held' (held: no SMTP configured; readable by admins) */
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  regionId: string | null;
  /** Tag for purge and erasure: which module and record made it. */
  purpose: string;
  /** The record the message is about, e.g. `newcomer:<id>`: its consent can be withdrawn from the message. */
  consentRef: Added<string | null>;
  /** The language the message is written in, for the withdrawal footer. */
  locale: Added<string | null>;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface RateLimitTable {
  key: string;
  windowStart: string;
  hits: number;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  expiresAt: string;
}

/** One import of an SSB table that changed something (statistics module). */
export interface StatImportTable {
  id: string;
  tableId: string;
  /** 'json-stat1' | 'json-stat2' | 'csv' */
  format: string;
  /** 'api:<url>' or 'file:<name>' */
  source: string;
  label: string | null;
  /** SSB's own `updated` stamp, when the data carried one. */
  ssbUpdated: string | null;
  fetchedAt: string;
  importedAt: string;
  cellCount: number;
  changedCount: number;
  contentHash: string;
}

/** One published cell of an SSB table, under the region code SSB used (statistics module). */
export interface StatObservationTable {
  tableId: string;
  regionCode: string;
  period: string;
  contentsCode: string;
  /** null when SSB published a symbol instead: see status. */
  value: number | null;
  /** SSB's status symbol (".", "..", ":", "-"), kept as text. */
  status: string | null;
  importId: string;
}

/** A cell of an SSB table with extra dimensions (07459: sex, age), keyed by `dims`. */
export interface StatDimObservationTable extends StatObservationTable {
  /** The extra dimensions' codes, e.g. `Kjonn=1;Alder=020`. */
  dims: string;
}

/** A campaign of a region (referral module); `texts`, `callingDays`, `targets` are JSON. */
export interface CampaignTable {
  id: string;
  regionId: string;
  slug: string;
  name: string;
  /** 'referral' | 'job_showcase' | 'start_up' | 'event_series' */
  kind: string;
  /** 'draft' | 'open' | 'closed' */
  status: string;
  startsOn: string;
  endsOn: string;
  callingDays: string;
  texts: string;
  postcardMessage: string;
  postcardLocale: string;
  callScript: string;
  targets: string;
  /** JSON `{ days, from, to }` (ISO weekdays, Europe/Oslo); null: weekdays 09:00–21:00. */
  callingHours: Added<string | null>;
  frontImage: Buffer | null;
  frontImageType: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A tipped person or household, merged from one or more tips (referral module). */
export interface ProspectTable {
  id: string;
  campaignId: string;
  regionId: string;
  municipalityCode: string;
  name: string;
  household: string | null;
  phoneE164: string | null;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  /** Folded search keys (see referral/normalise.ts): SQLite cannot fold Æ Ø Å. */
  nameKey: string;
  surnameKey: string;
  addressKey: string | null;
  /** Salted hashes, the same as a suppression entry would hold, so an opt-out finds them. */
  phoneHash: string | null;
  nameAddressHash: string | null;
  optOutCode: string;
  firstTippedAt: string;
  /** When the postcard batch holding this prospect was marked sent. */
  cardedAt: string | null;
  /** Staff let a held prospect (no card 30 days after the tip) into the next batch. */
  releasedAt: string | null;
  /** The calling pool (calling module): not before this time (no answer, call back). */
  nextCallAt: Added<string | null>;
  /** No more calls: reached, wrong number. */
  callingClosedAt: Added<string | null>;
  callAttempts: Added<number>;
  lastOutcome: Added<string | null>;
  /** The pipeline (followup module): when each stage was first reached. */
  firstCalledAt: Added<string | null>;
  reachedAt: Added<string | null>;
  interestedAt: Added<string | null>;
  visitingAt: Added<string | null>;
  movedInOn: Added<string | null>;
  movedInMunicipalityCode: Added<string | null>;
  settledAt: Added<string | null>;
  /** The thank-you email to the tippers who asked for news was queued. */
  tipperThankedAt: Added<string | null>;
  createdAt: string;
  updatedAt: string;
}

/** One tip as given; person fields are nulled when the person is erased (referral module). */
export interface TipTable {
  id: string;
  campaignId: string;
  regionId: string;
  municipalityCode: string;
  idempotencyKey: string;
  tipperName: string;
  tipperEmail: string | null;
  tipperPhone: string | null;
  tipperMunicipalityCode: string | null;
  tipperMayBeNamed: number;
  welcomeConfirmed: number;
  personName: string | null;
  personPhone: string | null;
  personAddressLine: string | null;
  personPostcode: string | null;
  personCity: string | null;
  personLivesNow: string | null;
  personConnection: string | null;
  personHousehold: string | null;
  personReason: string | null;
  source: string;
  purpose: string;
  legalBasis: string;
  informBy: string;
  locale: string;
  createdAt: string;
  erasedAt: string | null;
  /** The tipper asked to hear when the person moves here (thank-you email). */
  tipperWantsNews: Added<number>;
}

export interface ProspectTipTable {
  tipId: string;
  prospectId: string;
  linkedAt: string;
}

/** Two prospects that may be the same household, for staff to merge or keep apart. */
export interface DuplicateProposalTable {
  id: string;
  campaignId: string;
  leftProspectId: string;
  rightProspectId: string;
  reason: string;
  /** 'open' | 'merged' | 'kept_apart' */
  status: string;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** An opt-out: only a salted hash of a phone number or of name + address. */
export interface SuppressionTable {
  hash: string;
  /** 'phone' | 'name_address' */
  kind: string;
  createdAt: string;
}

export interface PostcardBatchTable {
  id: string;
  campaignId: string;
  regionId: string;
  createdBy: string | null;
  createdAt: string;
  sentAt: string | null;
  sentBy: string | null;
}

export interface PostcardBatchItemTable {
  batchId: string;
  prospectId: string;
  position: number;
}

/** A caller's hold on one prospect for a lease (calling module); closedAt null while open. */
export interface ClaimTable {
  id: string;
  campaignId: string;
  regionId: string;
  municipalityCode: string;
  prospectId: string;
  callerId: string;
  claimedAt: string;
  expiresAt: string;
  closedAt: string | null;
  /** 'outcome' | 'expired' | 'released' */
  closeReason: string | null;
}

/** A recorded call (calling module); personal fields are nulled when the prospect is erased. */
export interface CallTable {
  id: string;
  campaignId: string;
  regionId: string;
  municipalityCode: string;
  prospectId: string | null;
  /** null for a call entered from a paper sheet. */
  claimId: string | null;
  callerId: string | null;
  /** 'interested' | 'not_now' | 'not_interested' | 'no_answer' | 'wrong_number' | 'call_back' | 'opt_out' */
  outcome: string;
  notes: string | null;
  /** JSON array: 'jobs' | 'housing' | 'kindergarten_school' | 'business' | 'visit' */
  interests: string;
  callBackAt: string | null;
  calledAt: string;
  recordedAt: string;
  recordedBy: string;
  /** 'screen' | 'paper' */
  source: string;
  idempotencyKey: string | null;
}

/** Work for a host after a call (followup module). */
export interface FollowUpTaskTable {
  id: string;
  campaignId: string;
  regionId: string;
  municipalityCode: string;
  prospectId: string;
  callId: string | null;
  /** 'send_jobs' | 'send_housing' | 'send_kindergarten_school' | 'business_advice' | 'invite_visit' | 'invite_event' | 'other' */
  kind: string;
  /** 'open' | 'done' | 'cancelled' */
  status: string;
  dueOn: string;
  assigneeId: string | null;
  notes: string | null;
  createdAt: string;
  doneAt: string | null;
  doneBy: string | null;
}

/** An access or erasure request and its deadline (privacy module); no personal data. */
export interface PrivacyRequestTable {
  id: string;
  regionId: string | null;
  /** 'access' | 'erasure' */
  kind: string;
  /** 'open' | 'done' | 'rejected' */
  status: string;
  /** The case number in the region's archive. */
  reference: string | null;
  receivedOn: string;
  dueOn: string;
  completedAt: string | null;
  /** JSON counts by category. */
  result: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A NAV vacancy in the region (jobs module): public ad data, deleted when NAV marks it inactive. */
export interface JobAdTable {
  /** NAV's ad uuid. */
  id: string;
  regionId: string;
  /** Today's 4-digit number of the first work location in the region. */
  municipalityCode: string;
  title: string;
  employerName: string;
  /** 9 digits, or null when NAV gives none. */
  employerOrgNumber: string | null;
  /** Sanitised at ingest: basic formatting and safe links only. */
  descriptionHtml: string;
  /** 4-digit STYRK-08 code (prefix of STYRK08/STYRK08NAV). */
  styrkCode: string | null;
  occupationLevel1: string | null;
  occupationLevel2: string | null;
  /** 'public' | 'private' | NAV's raw text */
  sector: string | null;
  /** 'full_time' | 'part_time' */
  extent: string | null;
  engagementType: string | null;
  /** NAV's free text, e.g. "Snarest" or "2026-12-01". */
  applicationDueText: string | null;
  /** ISO date when the text holds one. */
  applicationDueDate: string | null;
  publishedAt: string;
  expiresAt: string | null;
  navUpdatedAt: string;
  navLink: string;
  applicationUrl: string | null;
  workCity: string;
  postalCode: string | null;
  /** Folded lower-case title, employer, occupation and city for LIKE search. */
  searchKey: string;
  firstSeenAt: string;
  updatedAt: string;
}

/** One content-free row per ad ever kept; outlives the ad (map, employer register). */
export interface JobAdHistoryTable {
  adId: string;
  regionId: string;
  municipalityCode: string;
  employerOrgNumber: string | null;
  styrkCode: string | null;
  sector: string | null;
  publishedAt: string;
  firstSeenAt: string;
  inactiveAt: string | null;
}

/** The vacancy feed's cursor and last run, one row per source ('nav'). */
/** One row ('ads'): raised with every change to job_ads, so cached search counts can tell they are current. */
export interface JobAdsGenerationTable {
  id: string;
  generation: number;
}

export interface JobFeedStateTable {
  source: string;
  cursorPageId: string | null;
  /** The last item committed on the cursor page. */
  lastItemId: string | null;
  /** NAV's public token (published openly, so not a secret). */
  token: string | null;
  tokenFetchedAt: string | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** JSON counts of the last run. */
  counts: Generated<string>;
}

/** Active vacancies per day and group (jobs module, labour-market map): counts only. */
export interface JobDailyCountTable {
  /** YYYY-MM-DD (UTC). */
  date: string;
  regionId: string;
  municipalityCode: string;
  /** STYRK-08 major group '0'–'9', or '-' when the ad had no code. */
  styrkMajorGroup: string;
  /** 'public' | 'private' | 'other' */
  sector: string;
  count: number;
}

/** Municipality names from the feed that could not be mapped ('' when county/postal code is missing). */
export interface JobFeedUnmappedTable {
  name: string;
  county: string;
  postalCode: string;
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** A newcomer household (newcomers module); deleted with its adults, matches and tasks on erasure. */
export interface NewcomerTable {
  id: string;
  regionId: string;
  municipalityCode: string;
  /** 'office' | 'self' */
  source: string;
  movedFrom: string | null;
  movingDate: string;
  /** JSON array of birth years. */
  childrenBirthYears: string;
  /** JSON array of reasons. */
  reasons: string;
  heardViaChannel: string | null;
  heardViaCampaignId: string | null;
  consentContact: number;
  consentContactAt: string | null;
  consentCheckIns: number;
  consentCheckInsAt: string | null;
  consentWithdrawnAt: string | null;
  locale: string;
  notes: string | null;
  movedAwayOn: string | null;
  /** 'host' | 'newcomer' */
  movedAwaySource: string | null;
  linkCode: string;
  idempotencyKey: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewcomerAdultTable {
  id: string;
  newcomerId: string;
  position: number;
  name: string;
  /** Folded (referral/normalise.ts), for matching prospects. */
  nameKey: string;
  birthYear: number | null;
  email: string | null;
  phoneE164: string | null;
}

/** A proposal that a newcomer is a campaign's prospect. */
export interface NewcomerMatchTable {
  id: string;
  newcomerId: string;
  prospectId: string;
  /** JSON array: 'phone' | 'name' | 'household' */
  reasons: string;
  /** 'open' | 'confirmed' | 'rejected' */
  status: string;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** One item of a municipality's welcome checklist (the template). */
export interface ChecklistItemTable {
  id: string;
  regionId: string;
  municipalityCode: string;
  position: number;
  title: string;
  dueOffsetDays: number;
  responsibleUserId: string | null;
  removedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A checklist item for one newcomer. */
export interface NewcomerTaskTable {
  id: string;
  newcomerId: string;
  regionId: string;
  municipalityCode: string;
  itemId: string | null;
  position: number;
  title: string;
  dueOn: string;
  responsibleUserId: string | null;
  doneAt: string | null;
  doneBy: string | null;
}

/** An Enhetsregisteret file imported into a region's employer register (business module). */
export interface EmployerImportTable {
  id: string;
  regionId: string;
  fileName: string;
  /** 'json' | 'csv' */
  format: string;
  contentHash: string;
  rowsRead: number;
  rowsInRegion: number;
  added: number;
  updated: number;
  unchanged: number;
  badRows: number;
  importedAt: string;
  importedBy: string | null;
}

/** A region's employer from Enhetsregisteret, with its «Vis fram jobbene!» outreach. */
export interface EmployerTable {
  id: string;
  regionId: string;
  /** 9 digits, mod-11 checked. */
  orgNumber: string;
  name: string;
  organisationForm: string | null;
  /** NACE (SN2007) code, e.g. '47.111'. */
  naceCode: string | null;
  naceDescription: string | null;
  /** NACE section letter A–U, from the code's division. */
  naceSection: string | null;
  employees: number | null;
  /** Today's number of the business address's municipality. */
  municipalityCode: string;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  bankrupt: Generated<number>;
  windingUp: Generated<number>;
  deletedOn: string | null;
  /** Hash of the register fields: an unchanged row is not rewritten. */
  sourceHash: string;
  importId: string;
  /** 'not_contacted' | 'contacted' | 'agreed' | 'posted' | 'declined' */
  outreachStatus: Generated<string>;
  outreachNotes: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactUpdatedAt: string | null;
  /** The employer survey wave last scheduled for the contact (e.g. '2026'). */
  surveyWaveSent: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EmployerOutreachChangeTable {
  id: string;
  employerId: string;
  fromStatus: string;
  toStatus: string;
  seq: number;
  changedAt: string;
  changedBy: string | null;
  undoneAt: string | null;
}

/** A «Start Her» inquiry and its place in the pipeline; personal fields null once erased. */
export interface EntrepreneurInquiryTable {
  id: string;
  regionId: string;
  municipalityCode: string;
  /** The form's idempotency key: a double submit makes one inquiry. */
  submitKey: string | null;
  name: string | null;
  email: string | null;
  phoneE164: string | null;
  idea: string | null;
  /** NACE section letter. */
  industry: string;
  /** 'idea' | 'planning' | 'started' */
  stage: string;
  /** JSON array of 'financing' | 'premises' | 'advice' | 'network' | 'permits'. */
  helpNeeded: Generated<string>;
  consentAt: string | null;
  locale: string;
  /** 'new' | 'contacted' | 'advising' | 'established' | 'dropped' */
  pipelineStage: Generated<string>;
  /** 'business_forum' | 'municipality:<code>' */
  advisorOrg: string | null;
  advisorUserId: string | null;
  notes: string | null;
  establishedOn: string | null;
  closedAt: string | null;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EntrepreneurStageChangeTable {
  id: string;
  inquiryId: string;
  fromStage: string;
  toStage: string;
  fromEstablishedOn: string | null;
  seq: number;
  changedAt: string;
  changedBy: string | null;
  undoneAt: string | null;
}

export interface EntrepreneurTaskTable {
  id: string;
  inquiryId: string;
  title: string;
  dueOn: string;
  /** 'open' | 'done' */
  status: Generated<string>;
  createdAt: string;
  createdBy: string | null;
  doneAt: string | null;
}

/** Who runs events: the programme, a municipality or a volunteer centre (events module). */
export interface EventOrganiserTable {
  id: string;
  regionId: string;
  name: string;
  /** 'programme' | 'municipality' | 'volunteer_centre' */
  kind: string;
  createdAt: string;
}

/** An organiser user's organisation (one each). */
export interface EventOrganiserMemberTable {
  userId: string;
  organiserId: string;
  createdAt: string;
}

/** A meeting place or event; `title`, `description` are JSON `{ nb, nn?, en? }`. */
export interface EventTable {
  id: string;
  regionId: string;
  organiserId: string;
  municipalityCode: string;
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  /** null: no limit. */
  capacity: number | null;
  registrationOpen: number;
  /** 'draft' | 'published' */
  status: string;
  cancelledAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Seats for one person at an event; name and email are nulled when anonymised. */
export interface EventRegistrationTable {
  id: string;
  eventId: string;
  regionId: string;
  name: string | null;
  email: string | null;
  emailKey: string | null;
  seats: number;
  /** Order of arrival within the event. */
  queueNo: number;
  /** 'confirmed' | 'waiting' | 'cancelled' */
  status: string;
  wantsReminder: number;
  /** sha256 of the personal cancel link's token. */
  tokenHash: string;
  idempotencyKey: string;
  locale: string;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  remindedAt: string | null;
  consentWithdrawnAt: string | null;
  /** null: not recorded; 0/1. */
  attended: number | null;
  attendanceBy: string | null;
  anonymisedAt: string | null;
}

/** One invitation to an event per person (by email hash, or prospect id without email). */
export interface EventInvitationTable {
  id: string;
  eventId: string;
  regionId: string;
  municipalityCode: string;
  emailHash: string;
  /** 'prospect' | 'newcomer' */
  personKind: string;
  personId: string | null;
  invitedBy: string | null;
  createdAt: string;
}

export interface Database {
  regions: RegionTable;
  municipalities: MunicipalityTable;
  municipalityCodeChanges: MunicipalityCodeChangeTable;
  regionMunicipalities: RegionMunicipalityTable;
  users: UserTable;
  userMunicipalities: UserMunicipalityTable;
  userIdentities: UserIdentityTable;
  sessions: SessionTable;
  loginAttempts: LoginAttemptTable;
  oneTimeTokens: OneTimeTokenTable;
  apiTokens: ApiTokenTable;
  identityProviders: IdentityProviderTable;
  auditLog: AuditLogTable;
  outbox: OutboxTable;
  outboxAttachments: OutboxAttachmentTable;
  settings: SettingTable;
  rateLimits: RateLimitTable;
  jobLeases: JobLeaseTable;
  statImports: StatImportTable;
  statObservations: StatObservationTable;
  statDimObservations: StatDimObservationTable;
  campaigns: CampaignTable;
  prospects: ProspectTable;
  tips: TipTable;
  prospectTips: ProspectTipTable;
  duplicateProposals: DuplicateProposalTable;
  suppressions: SuppressionTable;
  postcardBatches: PostcardBatchTable;
  postcardBatchItems: PostcardBatchItemTable;
  claims: ClaimTable;
  calls: CallTable;
  followUpTasks: FollowUpTaskTable;
  privacyRequests: PrivacyRequestTable;
  eventOrganisers: EventOrganiserTable;
  eventOrganiserMembers: EventOrganiserMemberTable;
  events: EventTable;
  eventRegistrations: EventRegistrationTable;
  eventInvitations: EventInvitationTable;
  newcomers: NewcomerTable;
  newcomerAdults: NewcomerAdultTable;
  newcomerMatches: NewcomerMatchTable;
  checklistItems: ChecklistItemTable;
  newcomerTasks: NewcomerTaskTable;
  jobAds: JobAdTable;
  jobAdHistory: JobAdHistoryTable;
  jobFeedState: JobFeedStateTable;
  jobAdsGeneration: JobAdsGenerationTable;
  jobFeedUnmapped: JobFeedUnmappedTable;
  jobDailyCounts: JobDailyCountTable;
  employerImports: EmployerImportTable;
  employers: EmployerTable;
  employerOutreachChanges: EmployerOutreachChangeTable;
  entrepreneurInquiries: EntrepreneurInquiryTable;
  entrepreneurStageChanges: EntrepreneurStageChangeTable;
  entrepreneurTasks: EntrepreneurTaskTable;
  surveyInvitations: SurveyInvitationTable;
  surveyResponses: SurveyResponseTable;
  surveySettings: SurveySettingTable;
  siteImages: SiteImageTable;
  municipalityHosts: MunicipalityHostTable;
  siteVisits: SiteVisitTable;
  goalProgrammes: GoalProgrammeTable;
  mediaEntries: MediaEntryTable;
  reportRuns: ReportRunTable;
  contentItems: ContentItemTable;
  contentRevisions: ContentRevisionTable;
  newcomerStories: NewcomerStoryTable;
  contentImages: ContentImageTable;
  contentImageFiles: ContentImageFileTable;
}

/** A page or news item of the region's site; its texts are in revisions (content, 0019). */
export interface ContentItemTable {
  id: string;
  regionId: string;
  kind: 'page' | 'news';
  slug: string;
  /** The newest revision: what the office edits. */
  currentRevision: number;
  /** The revision visitors see; null when not published. */
  publishedRevision: number | null;
  firstPublishedAt: string | null;
  publishedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One saved version of a content item: Markdown per language, null when not written. */
export interface ContentRevisionTable {
  itemId: string;
  number: number;
  titleNb: string | null;
  bodyNb: string | null;
  titleNn: string | null;
  bodyNn: string | null;
  titleEn: string | null;
  bodyEn: string | null;
  /** The revision this one restored, if it was a restore. */
  restoredFrom: number | null;
  createdBy: string | null;
  createdAt: string;
}

/** An image for pages and news, with alt text per language (content, 0019). */
export interface ContentImageTable {
  id: string;
  regionId: string;
  altNb: string;
  altNn: string | null;
  altEn: string | null;
  width: number;
  height: number;
  maxWidth: number;
  createdBy: string | null;
  createdAt: string;
}

/** One resized copy of a content image (content, 0019). */
export interface ContentImageFileTable {
  imageId: string;
  width: number;
  contentType: string;
  bytes: Buffer;
}

/** A newcomer's story, public only with their recorded consent (content, 0019). */
export interface NewcomerStoryTable {
  id: string;
  regionId: string;
  newcomerId: string;
  locale: string;
  title: string;
  body: string;
  /** YYYY-MM-DD. */
  consentGivenOn: string | null;
  consentRecordedBy: string | null;
  consentRecordedAt: string | null;
  consentWithdrawnAt: string | null;
  publishedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A region's logo, favicon or social preview image (site module, 0017). */
export interface SiteImageTable {
  regionId: string;
  /** 'logo' | 'favicon' | 'social' */
  kind: string;
  contentType: string;
  bytes: Buffer;
  /** Content hash: the image's public file name. */
  hash: string;
  updatedAt: string;
}

/** The newcomer host's contact on a municipality's public page (site module, 0023). */
export interface MunicipalityHostTable {
  regionId: string;
  municipalityCode: string;
  name: string;
  email: string | null;
  phone: string | null;
  updatedBy: string | null;
  updatedAt: string;
}

/** A region's programme: main goal, phases, sub-goals, indicators as JSON (goals, 0018). */
export interface GoalProgrammeTable {
  regionId: string;
  document: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** Published media coverage of the region, entered by staff (goals, 0018). */
export interface MediaEntryTable {
  id: string;
  regionId: string;
  /** YYYY-MM-DD. */
  publishedOn: string;
  outlet: string;
  level: 'national' | 'regional' | 'local';
  url: string;
  reach: number | null;
  tone: 'positive' | 'neutral' | 'negative';
  title: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Page views per region, path, language and day; a count, nothing about a person (0017). */
export interface SiteVisitTable {
  regionId: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** Without the language prefix, e.g. `/kommune/tynset`. */
  path: string;
  locale: string;
  views: number;
}

/** Who is asked which survey, when, by which link (its hash only) (surveys module). */
export interface SurveyInvitationTable {
  id: string;
  regionId: string;
  municipalityCode: string | null;
  surveyKey: string;
  /** '3m', '12m', a year … */
  wave: string;
  campaignId: string | null;
  email: string;
  locale: string;
  /** Whose invitation, e.g. `newcomer:<id>`, `employer:<id>`. */
  subjectRef: string;
  tokenHash: string | null;
  reminderTokenHash: string | null;
  sendAt: string;
  sentAt: string | null;
  remindedAt: string | null;
  expiresAt: string | null;
  /** The day only (midnight UTC), so it cannot be matched to a response by time. */
  answeredAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
}

/** One anonymous answer to a survey: no link to an invitation or a person (surveys module). */
export interface SurveyResponseTable {
  id: string;
  surveyKey: string;
  definitionVersion: number;
  regionId: string;
  municipalityCode: string | null;
  wave: string;
  campaignId: string | null;
  /** Quarter of answering, e.g. 2026K4. */
  period: string;
  /** JSON object: question key → number or option key. */
  answers: string;
}

/** A region's check-in waves (surveys module). */
export interface SurveySettingTable {
  regionId: string;
  /** JSON array of months after moving in. */
  checkInMonths: string;
  updatedAt: string;
  updatedBy: string | null;
}

/** A quarter's council report made and emailed for a region, once (reports, 0022). */
export interface ReportRunTable {
  id: string;
  regionId: string;
  /** SSB quarter, e.g. 2026K3. */
  quarter: string;
  /** 'sent', or 'no_data' when the quarter had nothing to report. */
  status: string;
  recipients: number;
  pages: number;
  createdAt: string;
}

/** A file sent with an outbox message; deleted with its message (notifications, 0024). */
export interface OutboxAttachmentTable {
  id: string;
  messageId: string;
  /** Order of the files in the message, from 0. */
  position: number;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A column added by a later migration with a default: optional when inserting. */
type Added<T> = ColumnType<T, T | undefined, T>;
