/**
 * The data map: every column of every table, classified as personal data (with its processing
 * activity, category and retention) or as not personal (with the reason). The records of
 * processing (GDPR Art. 30) are generated from it, and `data-map.test.ts` compares it with the
 * migrated database on both dialects: a migration that adds a column without a line here
 * fails the suite. Names are the database's (snake_case).
 */

/** Processing activities, as the records of processing list them. */
export const ACTIVITIES = [
  'referral',
  'calling',
  'staff_accounts',
  'security',
  'email',
  'privacy_requests',
] as const;
export type ActivityId = (typeof ACTIVITIES)[number];

/** Categories of personal data. */
export const CATEGORIES = [
  'name',
  'contact',
  'address',
  'household',
  'background',
  'pipeline',
  'call_record',
  'free_text',
  'tipper_identity',
  'pseudonym',
  'account',
  'credential',
  'network',
  'activity_log',
  'message',
] as const;
export type CategoryId = (typeof CATEGORIES)[number];

/** How long a column is kept; the periods themselves are in retention.service.ts. */
export const RETENTION_RULES = [
  'campaign_end',
  'unreached',
  'not_interested',
  'call_notes',
  'moved_in',
  'account',
  'session',
  'login_attempts',
  'one_time_token',
  'audit_log',
  'outbox',
  'request_log',
] as const;
export type RetentionRuleId = (typeof RETENTION_RULES)[number];

export type NotPersonalReason = 'key' | 'reference' | 'technical' | 'public' | 'statistics';

export type ColumnClass =
  | {
      personal: true;
      activity: ActivityId;
      category: CategoryId;
      retention: readonly RetentionRuleId[];
    }
  | { personal: false; why: NotPersonalReason };

export interface ActivityInfo {
  /** The GDPR article the processing rests on (the texts explain it). */
  legalBasis: string;
  subjects: readonly string[];
  recipients: readonly string[];
}

export const ACTIVITY_INFO: Record<ActivityId, ActivityInfo> = {
  referral: {
    legalBasis: 'GDPR 6(1)(f)',
    subjects: ['tipped_people', 'tippers'],
    recipients: ['staff', 'print_shop'],
  },
  calling: {
    legalBasis: 'GDPR 6(1)(f)',
    subjects: ['tipped_people', 'callers'],
    recipients: ['staff'],
  },
  staff_accounts: {
    legalBasis: 'GDPR 6(1)(e)',
    subjects: ['staff'],
    recipients: ['staff', 'identity_provider'],
  },
  security: { legalBasis: 'GDPR 6(1)(c), 32', subjects: ['staff', 'visitors'], recipients: [] },
  email: {
    legalBasis: 'GDPR 6(1)(e), 6(1)(f)',
    subjects: ['staff', 'tippers'],
    recipients: ['email_provider'],
  },
  privacy_requests: { legalBasis: 'GDPR 6(1)(c), 5(2)', subjects: ['staff'], recipients: [] },
};

const n = (why: NotPersonalReason): ColumnClass => ({ personal: false, why });
const p =
  (activity: ActivityId, retention: readonly RetentionRuleId[]) =>
  (category: CategoryId): ColumnClass => ({ personal: true, activity, category, retention });

const KEY = n('key');
const REF = n('reference');
const TECH = n('technical');
const PUBLIC = n('public');
const STATS = n('statistics');

const prospect = p('referral', ['campaign_end', 'unreached', 'not_interested', 'moved_in']);
const tip = p('referral', ['campaign_end', 'unreached', 'not_interested']);
const tipper = p('referral', ['campaign_end']);
const call = p('calling', ['campaign_end', 'unreached', 'not_interested']);
const notes = p('calling', ['call_notes', 'campaign_end', 'unreached', 'not_interested']);
const staff = p('staff_accounts', ['account']);
const session = p('security', ['session']);
const audit = p('security', ['audit_log']);
const email = p('email', ['outbox']);

export const DATA_MAP: Record<string, Record<string, ColumnClass>> = {
  regions: {
    id: KEY,
    slug: PUBLIC,
    name: PUBLIC,
    hostname: PUBLIC,
    is_demo: TECH,
    theme_color: PUBLIC,
    created_at: TECH,
  },
  municipalities: {
    code: PUBLIC,
    name: PUBLIC,
    official_name: PUBLIC,
    county_code: PUBLIC,
    county_name: PUBLIC,
    slug: PUBLIC,
  },
  municipality_code_changes: {
    id: KEY,
    old_code: PUBLIC,
    old_name: PUBLIC,
    new_code: PUBLIC,
    new_name: PUBLIC,
    changed_on: PUBLIC,
    kind: PUBLIC,
  },
  region_municipalities: { region_id: REF, municipality_code: REF },
  users: {
    id: KEY,
    email: staff('contact'),
    name: staff('name'),
    role: staff('account'),
    region_id: REF,
    campaign_id: REF,
    password_hash: staff('credential'),
    totp_secret: staff('credential'),
    totp_enabled: staff('account'),
    locale: staff('account'),
    disabled_at: staff('account'),
    created_at: staff('account'),
    updated_at: TECH,
  },
  user_municipalities: { user_id: REF, municipality_code: staff('account') },
  user_identities: {
    id: KEY,
    user_id: REF,
    issuer: TECH,
    subject: staff('account'),
    created_at: TECH,
  },
  sessions: {
    id: KEY,
    user_id: REF,
    created_at: session('activity_log'),
    last_seen_at: session('activity_log'),
    idle_expires_at: TECH,
    absolute_expires_at: TECH,
    mfa_done: TECH,
    sign_in_method: TECH,
    region_id: REF,
    ip: session('network'),
    user_agent: session('network'),
  },
  login_attempts: {
    id: KEY,
    email_key: p('security', ['login_attempts'])('contact'),
    ip: p('security', ['login_attempts'])('network'),
    succeeded: TECH,
    at: p('security', ['login_attempts'])('activity_log'),
  },
  one_time_tokens: {
    id: KEY,
    purpose: TECH,
    user_id: REF,
    data: p('staff_accounts', ['one_time_token'])('account'),
    created_at: TECH,
    expires_at: TECH,
    used_at: TECH,
  },
  api_tokens: {
    id: KEY,
    user_id: REF,
    name: staff('account'),
    token_hash: staff('credential'),
    prefix: TECH,
    created_at: TECH,
    last_used_at: staff('activity_log'),
    expires_at: TECH,
    revoked_at: TECH,
  },
  identity_providers: {
    id: KEY,
    region_id: REF,
    name: TECH,
    issuer: TECH,
    client_id: TECH,
    client_secret: TECH,
    default_role: TECH,
    created_at: TECH,
    default_municipality_codes: TECH,
  },
  audit_log: {
    id: KEY,
    at: audit('activity_log'),
    actor_user_id: REF,
    actor_label: audit('contact'),
    action: audit('activity_log'),
    outcome: audit('activity_log'),
    target_type: TECH,
    target_id: REF,
    region_id: REF,
    municipality_code: REF,
    ip: audit('network'),
    details: audit('activity_log'),
  },
  outbox: {
    id: KEY,
    to_address: email('contact'),
    subject: email('message'),
    text_body: email('message'),
    html_body: email('message'),
    status: TECH,
    attempts: TECH,
    next_attempt_at: TECH,
    last_error: TECH,
    created_at: TECH,
    sent_at: TECH,
    region_id: REF,
    purpose: TECH,
  },
  settings: { key: TECH, value: TECH },
  rate_limits: { key: p('security', ['session'])('network'), window_start: TECH, hits: TECH },
  job_leases: { name: TECH, holder: TECH, expires_at: TECH },
  stat_imports: {
    id: KEY,
    table_id: STATS,
    format: STATS,
    source: STATS,
    label: STATS,
    ssb_updated: STATS,
    fetched_at: STATS,
    imported_at: STATS,
    cell_count: STATS,
    changed_count: STATS,
    content_hash: STATS,
  },
  stat_observations: {
    table_id: STATS,
    region_code: STATS,
    period: STATS,
    contents_code: STATS,
    value: STATS,
    status: STATS,
    import_id: REF,
  },
  stat_dim_observations: {
    table_id: STATS,
    region_code: STATS,
    period: STATS,
    contents_code: STATS,
    dims: STATS,
    value: STATS,
    status: STATS,
    import_id: REF,
  },
  campaigns: {
    id: KEY,
    region_id: REF,
    slug: PUBLIC,
    name: PUBLIC,
    kind: TECH,
    status: TECH,
    starts_on: PUBLIC,
    ends_on: PUBLIC,
    calling_days: PUBLIC,
    texts: PUBLIC,
    postcard_message: PUBLIC,
    postcard_locale: TECH,
    call_script: TECH,
    targets: TECH,
    calling_hours: TECH,
    front_image: PUBLIC,
    front_image_type: TECH,
    created_by: REF,
    created_at: TECH,
    updated_at: TECH,
  },
  prospects: {
    id: KEY,
    campaign_id: REF,
    region_id: REF,
    municipality_code: prospect('background'),
    name: prospect('name'),
    household: prospect('household'),
    phone_e164: prospect('contact'),
    address_line: prospect('address'),
    postcode: prospect('address'),
    city: prospect('address'),
    name_key: prospect('name'),
    surname_key: prospect('name'),
    address_key: prospect('address'),
    phone_hash: prospect('pseudonym'),
    name_address_hash: prospect('pseudonym'),
    opt_out_code: prospect('pseudonym'),
    first_tipped_at: prospect('pipeline'),
    carded_at: prospect('pipeline'),
    released_at: prospect('pipeline'),
    next_call_at: prospect('pipeline'),
    calling_closed_at: prospect('pipeline'),
    call_attempts: prospect('pipeline'),
    last_outcome: prospect('call_record'),
    first_called_at: prospect('pipeline'),
    reached_at: prospect('pipeline'),
    interested_at: prospect('pipeline'),
    visiting_at: prospect('pipeline'),
    moved_in_on: prospect('pipeline'),
    moved_in_municipality_code: prospect('pipeline'),
    settled_at: prospect('pipeline'),
    tipper_thanked_at: prospect('pipeline'),
    created_at: TECH,
    updated_at: TECH,
  },
  tips: {
    id: KEY,
    campaign_id: REF,
    region_id: REF,
    municipality_code: REF,
    idempotency_key: tip('pseudonym'),
    tipper_name: tipper('tipper_identity'),
    tipper_email: tipper('tipper_identity'),
    tipper_phone: tipper('tipper_identity'),
    tipper_municipality_code: tipper('tipper_identity'),
    tipper_may_be_named: tipper('tipper_identity'),
    welcome_confirmed: TECH,
    person_name: tip('name'),
    person_phone: tip('contact'),
    person_address_line: tip('address'),
    person_postcode: tip('address'),
    person_city: tip('address'),
    person_lives_now: tip('background'),
    person_connection: tip('background'),
    person_household: tip('household'),
    person_reason: tip('free_text'),
    source: TECH,
    purpose: TECH,
    legal_basis: TECH,
    inform_by: TECH,
    locale: TECH,
    created_at: TECH,
    erased_at: TECH,
    tipper_wants_news: tipper('tipper_identity'),
  },
  prospect_tips: { tip_id: REF, prospect_id: REF, linked_at: TECH },
  duplicate_proposals: {
    id: KEY,
    campaign_id: REF,
    left_prospect_id: REF,
    right_prospect_id: REF,
    reason: TECH,
    status: TECH,
    created_at: TECH,
    decided_at: TECH,
    decided_by: REF,
  },
  suppressions: {
    hash: p('referral', [])('pseudonym'),
    kind: TECH,
    created_at: TECH,
  },
  postcard_batches: {
    id: KEY,
    campaign_id: REF,
    region_id: REF,
    created_by: REF,
    created_at: TECH,
    sent_at: TECH,
    sent_by: REF,
  },
  postcard_batch_items: { batch_id: REF, prospect_id: REF, position: TECH },
  claims: {
    id: KEY,
    campaign_id: REF,
    region_id: REF,
    municipality_code: REF,
    prospect_id: REF,
    caller_id: REF,
    claimed_at: call('call_record'),
    expires_at: TECH,
    closed_at: call('call_record'),
    close_reason: call('call_record'),
  },
  calls: {
    id: KEY,
    campaign_id: REF,
    region_id: REF,
    municipality_code: REF,
    prospect_id: REF,
    claim_id: REF,
    caller_id: REF,
    outcome: call('call_record'),
    notes: notes('free_text'),
    interests: call('call_record'),
    call_back_at: call('call_record'),
    called_at: call('call_record'),
    recorded_at: TECH,
    recorded_by: REF,
    source: TECH,
    idempotency_key: TECH,
  },
  follow_up_tasks: {
    id: KEY,
    campaign_id: REF,
    region_id: REF,
    municipality_code: REF,
    prospect_id: REF,
    call_id: REF,
    kind: call('call_record'),
    status: TECH,
    due_on: TECH,
    assignee_id: REF,
    notes: notes('free_text'),
    created_at: TECH,
    done_at: TECH,
    done_by: REF,
  },
  privacy_requests: {
    id: KEY,
    region_id: REF,
    kind: TECH,
    status: TECH,
    reference: p('privacy_requests', ['request_log'])('free_text'),
    received_on: TECH,
    due_on: TECH,
    completed_at: TECH,
    result: TECH,
    created_by: REF,
    created_at: TECH,
    updated_at: TECH,
  },
};

/** Tables of the migration tool itself, never holding anyone's data. */
export const INFRASTRUCTURE_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const;

export interface PersonalColumn {
  table: string;
  column: string;
  activity: ActivityId;
  category: CategoryId;
  legalBasis: string;
  retention: readonly RetentionRuleId[];
}

/** Every personal column, flat, in table order. */
export function personalColumns(): PersonalColumn[] {
  return Object.entries(DATA_MAP).flatMap(([table, columns]) =>
    Object.entries(columns).flatMap(([column, c]) =>
      c.personal
        ? [
            {
              table,
              column,
              activity: c.activity,
              category: c.category,
              legalBasis: ACTIVITY_INFO[c.activity].legalBasis,
              retention: c.retention,
            },
          ]
        : [],
    ),
  );
}

/** What the database has that the map does not classify, and what the map names in vain. */
export function compareWithDatabase(actual: Array<{ table: string; column: string }>): {
  unclassified: string[];
  missing: string[];
} {
  const skip = new Set<string>(INFRASTRUCTURE_TABLES);
  const seen = new Set<string>();
  const unclassified: string[] = [];
  for (const { table, column } of actual) {
    if (skip.has(table)) continue;
    seen.add(`${table}.${column}`);
    if (!DATA_MAP[table]?.[column]) unclassified.push(`${table}.${column}`);
  }
  const missing = Object.entries(DATA_MAP)
    .flatMap(([table, cols]) => Object.keys(cols).map((c) => `${table}.${c}`))
    .filter((key) => !seen.has(key));
  return { unclassified: unclassified.sort(), missing: missing.sort() };
}
