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
  'business',
  'newcomers',
  'events',
  'surveys',
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
  'consent',
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
  'employer_contact',
  'entrepreneur_closed',
  'newcomers',
  'newcomers_moved_away',
  'event_registrations',
  'survey_invitations',
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
  business: {
    legalBasis: 'GDPR 6(1)(e), 6(1)(a)',
    subjects: ['employer_contacts', 'entrepreneurs'],
    recipients: ['staff', 'advisors'],
  },
  newcomers: {
    legalBasis: 'GDPR 6(1)(e), 6(1)(a)',
    subjects: ['newcomers'],
    recipients: ['staff', 'email_provider'],
  },
  events: {
    legalBasis: 'GDPR 6(1)(e), 6(1)(a)',
    subjects: ['event_participants'],
    recipients: ['staff', 'organisers', 'email_provider'],
  },
  surveys: {
    legalBasis: 'GDPR 6(1)(e)',
    subjects: ['newcomers', 'employer_contacts', 'residents'],
    recipients: ['email_provider'],
  },
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
const employerContact = p('business', ['employer_contact']);
const entrepreneur = p('business', ['entrepreneur_closed']);
const newcomer = p('newcomers', ['newcomers', 'newcomers_moved_away']);
const participant = p('events', ['event_registrations']);
const invitation = p('surveys', ['survey_invitations']);

export const DATA_MAP: Record<string, Record<string, ColumnClass>> = {
  survey_invitations: {
    id: KEY,
    region_id: REF,
    municipality_code: REF,
    survey_key: TECH,
    wave: TECH,
    campaign_id: REF,
    email: invitation('contact'),
    locale: TECH,
    subject_ref: REF,
    token_hash: invitation('pseudonym'),
    reminder_token_hash: invitation('pseudonym'),
    send_at: invitation('activity_log'),
    sent_at: invitation('activity_log'),
    reminded_at: invitation('activity_log'),
    expires_at: TECH,
    answered_at: invitation('activity_log'),
    cancelled_at: invitation('activity_log'),
    created_at: TECH,
  },
  // Anonymous: no address, no invitation, no person, no time of day; reported only in
  // groups of at least five (surveys/summary.ts). Not personal data, so not in access/erasure.
  survey_responses: {
    id: KEY,
    survey_key: STATS,
    definition_version: STATS,
    region_id: REF,
    municipality_code: STATS,
    wave: STATS,
    campaign_id: STATS,
    period: STATS,
    answers: STATS,
  },
  survey_settings: {
    region_id: KEY,
    check_in_months: TECH,
    updated_at: TECH,
    updated_by: REF,
  },
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
    consent_ref: REF,
    locale: TECH,
  },
  // A file sent with a message: may hold personal data (the council report holds only
  // aggregates, but the outbox cannot tell); kept and erased with its message.
  outbox_attachments: {
    id: KEY,
    message_id: REF,
    position: TECH,
    filename: email('message'),
    content_type: TECH,
    bytes: email('message'),
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
  newcomers: {
    id: KEY,
    region_id: REF,
    municipality_code: newcomer('background'),
    source: TECH,
    moved_from: newcomer('background'),
    moving_date: newcomer('background'),
    children_birth_years: newcomer('household'),
    reasons: newcomer('background'),
    heard_via_channel: newcomer('background'),
    heard_via_campaign_id: REF,
    consent_contact: newcomer('consent'),
    consent_contact_at: newcomer('consent'),
    consent_check_ins: newcomer('consent'),
    consent_check_ins_at: newcomer('consent'),
    consent_withdrawn_at: newcomer('consent'),
    locale: TECH,
    notes: newcomer('free_text'),
    moved_away_on: newcomer('pipeline'),
    moved_away_source: newcomer('pipeline'),
    link_code: newcomer('pseudonym'),
    idempotency_key: TECH,
    created_by: REF,
    created_at: newcomer('pipeline'),
    updated_at: TECH,
  },
  newcomer_adults: {
    id: KEY,
    newcomer_id: REF,
    position: TECH,
    name: newcomer('name'),
    name_key: newcomer('name'),
    birth_year: newcomer('household'),
    email: newcomer('contact'),
    phone_e164: newcomer('contact'),
  },
  newcomer_matches: {
    id: KEY,
    newcomer_id: REF,
    prospect_id: REF,
    reasons: newcomer('pipeline'),
    status: newcomer('pipeline'),
    created_at: TECH,
    decided_at: TECH,
    decided_by: REF,
  },
  checklist_items: {
    id: KEY,
    region_id: REF,
    municipality_code: REF,
    position: TECH,
    title: TECH,
    due_offset_days: TECH,
    responsible_user_id: REF,
    removed_at: TECH,
    created_at: TECH,
    updated_at: TECH,
  },
  newcomer_tasks: {
    id: KEY,
    newcomer_id: REF,
    region_id: REF,
    municipality_code: REF,
    item_id: REF,
    position: TECH,
    title: newcomer('pipeline'),
    due_on: newcomer('pipeline'),
    responsible_user_id: REF,
    done_at: newcomer('pipeline'),
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
  /**
   * NAV vacancies: public ad data as NAV publishes it (employer data is about organisations,
   * not people; a sole proprietor's name is in the public register anyway). Contact persons
   * are never stored, and an ad is deleted when NAV marks it inactive.
   */
  job_ads: {
    id: KEY,
    region_id: REF,
    municipality_code: REF,
    title: PUBLIC,
    employer_name: PUBLIC,
    employer_org_number: PUBLIC,
    description_html: PUBLIC,
    styrk_code: PUBLIC,
    occupation_level1: PUBLIC,
    occupation_level2: PUBLIC,
    sector: PUBLIC,
    extent: PUBLIC,
    engagement_type: PUBLIC,
    application_due_text: PUBLIC,
    application_due_date: PUBLIC,
    published_at: PUBLIC,
    expires_at: PUBLIC,
    nav_updated_at: PUBLIC,
    nav_link: PUBLIC,
    application_url: PUBLIC,
    work_city: PUBLIC,
    postal_code: PUBLIC,
    search_key: TECH,
    first_seen_at: TECH,
    updated_at: TECH,
  },
  job_ad_history: {
    ad_id: KEY,
    region_id: REF,
    municipality_code: STATS,
    employer_org_number: STATS,
    styrk_code: STATS,
    sector: STATS,
    published_at: STATS,
    first_seen_at: STATS,
    inactive_at: STATS,
  },
  job_ads_generation: {
    id: KEY,
    generation: TECH,
  },
  job_feed_state: {
    source: KEY,
    cursor_page_id: TECH,
    last_item_id: TECH,
    token: TECH,
    token_fetched_at: TECH,
    last_run_at: TECH,
    last_success_at: TECH,
    last_error: TECH,
    counts: TECH,
  },
  /** Daily counts of active vacancies for the labour-market map: figures, no ad, no person. */
  job_daily_counts: {
    date: STATS,
    region_id: REF,
    municipality_code: STATS,
    styrk_major_group: STATS,
    sector: STATS,
    count: STATS,
  },
  job_feed_unmapped: {
    name: PUBLIC,
    county: PUBLIC,
    postal_code: PUBLIC,
    count: TECH,
    first_seen_at: TECH,
    last_seen_at: TECH,
  },
  /**
   * Employers and «Start Her» (business module). Employers are organisations from the public
   * Enhetsregisteret; their contact person and the entrepreneurs who ask for help are people.
   */
  employer_imports: {
    id: KEY,
    region_id: REF,
    file_name: TECH,
    format: TECH,
    content_hash: TECH,
    rows_read: TECH,
    rows_in_region: TECH,
    added: TECH,
    updated: TECH,
    unchanged: TECH,
    bad_rows: TECH,
    imported_at: TECH,
    imported_by: REF,
  },
  employers: {
    id: KEY,
    region_id: REF,
    org_number: PUBLIC,
    name: PUBLIC,
    organisation_form: PUBLIC,
    nace_code: PUBLIC,
    nace_description: PUBLIC,
    nace_section: PUBLIC,
    employees: PUBLIC,
    municipality_code: PUBLIC,
    address_line: PUBLIC,
    postcode: PUBLIC,
    city: PUBLIC,
    bankrupt: PUBLIC,
    winding_up: PUBLIC,
    deleted_on: PUBLIC,
    source_hash: TECH,
    import_id: REF,
    outreach_status: TECH,
    outreach_notes: employerContact('free_text'),
    contact_name: employerContact('name'),
    contact_email: employerContact('contact'),
    contact_phone: employerContact('contact'),
    contact_updated_at: TECH,
    survey_wave_sent: TECH,
    created_at: TECH,
    updated_at: TECH,
  },
  employer_outreach_changes: {
    id: KEY,
    employer_id: REF,
    from_status: TECH,
    to_status: TECH,
    seq: TECH,
    changed_at: TECH,
    changed_by: REF,
    undone_at: TECH,
  },
  entrepreneur_inquiries: {
    id: KEY,
    region_id: REF,
    municipality_code: REF,
    submit_key: entrepreneur('pseudonym'),
    name: entrepreneur('name'),
    email: entrepreneur('contact'),
    phone_e164: entrepreneur('contact'),
    idea: entrepreneur('free_text'),
    industry: TECH,
    stage: TECH,
    help_needed: TECH,
    consent_at: entrepreneur('pipeline'),
    locale: TECH,
    pipeline_stage: TECH,
    advisor_org: TECH,
    advisor_user_id: REF,
    notes: entrepreneur('free_text'),
    established_on: TECH,
    closed_at: TECH,
    erased_at: TECH,
    created_at: TECH,
    updated_at: TECH,
  },
  entrepreneur_stage_changes: {
    id: KEY,
    inquiry_id: REF,
    from_stage: TECH,
    to_stage: TECH,
    from_established_on: TECH,
    seq: TECH,
    changed_at: TECH,
    changed_by: REF,
    undone_at: TECH,
  },
  entrepreneur_tasks: {
    id: KEY,
    inquiry_id: REF,
    title: entrepreneur('free_text'),
    due_on: TECH,
    status: TECH,
    created_at: TECH,
    created_by: REF,
    done_at: TECH,
  },
  // The region's logo, favicon and social image: published on its public site.
  site_images: {
    region_id: REF,
    kind: TECH,
    content_type: TECH,
    bytes: PUBLIC,
    hash: TECH,
    updated_at: TECH,
  },
  // The host contact on a municipality's public page: published by purpose, a role address
  // preferred (0023).
  municipality_hosts: {
    region_id: REF,
    municipality_code: REF,
    name: PUBLIC,
    email: PUBLIC,
    phone: PUBLIC,
    updated_by: REF,
    updated_at: TECH,
  },
  // Page views per path and day: a count, no cookie, address or user agent (site.visits.ts).
  site_visits: {
    region_id: REF,
    day: STATS,
    path: STATS,
    locale: STATS,
    views: STATS,
  },
  // The programme's goals: the region's own plan, no one's data (goals module).
  goal_programmes: { region_id: REF, document: PUBLIC, updated_at: TECH, updated_by: REF },
  // Published media coverage of the region: public articles, not people (goals module).
  media_entries: {
    id: KEY,
    region_id: REF,
    published_on: PUBLIC,
    outlet: PUBLIC,
    level: PUBLIC,
    url: PUBLIC,
    reach: PUBLIC,
    tone: PUBLIC,
    title: PUBLIC,
    created_by: REF,
    created_at: TECH,
    updated_at: TECH,
  },
  // The region's own pages and news: public texts written by staff (content module).
  content_items: {
    id: KEY,
    region_id: REF,
    kind: TECH,
    slug: PUBLIC,
    current_revision: TECH,
    published_revision: TECH,
    first_published_at: PUBLIC,
    published_at: PUBLIC,
    created_by: REF,
    created_at: TECH,
    updated_at: TECH,
  },
  content_revisions: {
    item_id: REF,
    number: TECH,
    title_nb: PUBLIC,
    body_nb: PUBLIC,
    title_nn: PUBLIC,
    body_nn: PUBLIC,
    title_en: PUBLIC,
    body_en: PUBLIC,
    restored_from: TECH,
    created_by: REF,
    created_at: TECH,
  },
  // Images on public pages, described by staff; resized copies (content module).
  content_images: {
    id: KEY,
    region_id: REF,
    alt_nb: PUBLIC,
    alt_nn: PUBLIC,
    alt_en: PUBLIC,
    width: TECH,
    height: TECH,
    max_width: TECH,
    created_by: REF,
    created_at: TECH,
  },
  content_image_files: { image_id: REF, width: TECH, content_type: TECH, bytes: PUBLIC },
  // A newcomer's story is theirs: exported and erased with the newcomer (content module).
  newcomer_stories: {
    id: KEY,
    region_id: REF,
    newcomer_id: REF,
    locale: TECH,
    title: newcomer('free_text'),
    body: newcomer('free_text'),
    consent_given_on: newcomer('consent'),
    consent_recorded_by: REF,
    consent_recorded_at: newcomer('consent'),
    consent_withdrawn_at: newcomer('consent'),
    published_at: newcomer('consent'),
    created_by: REF,
    created_at: TECH,
    updated_at: TECH,
  },
  // Which quarter's council report was sent for a region: counts, no people (reports module).
  report_runs: {
    id: KEY,
    region_id: REF,
    quarter: STATS,
    status: TECH,
    recipients: STATS,
    pages: TECH,
    created_at: TECH,
  },
};

Object.assign(DATA_MAP, {
  event_organisers: {
    id: KEY,
    region_id: REF,
    name: PUBLIC,
    kind: PUBLIC,
    created_at: TECH,
  },
  event_organiser_members: { user_id: REF, organiser_id: staff('account'), created_at: TECH },
  events: {
    id: KEY,
    region_id: REF,
    organiser_id: REF,
    municipality_code: PUBLIC,
    title: PUBLIC,
    description: PUBLIC,
    place: PUBLIC,
    starts_at: PUBLIC,
    ends_at: PUBLIC,
    capacity: PUBLIC,
    registration_open: PUBLIC,
    status: TECH,
    cancelled_at: PUBLIC,
    created_by: REF,
    created_at: TECH,
    updated_at: TECH,
  },
  event_registrations: {
    id: KEY,
    event_id: REF,
    region_id: REF,
    name: participant('name'),
    email: participant('contact'),
    email_key: participant('contact'),
    seats: participant('activity_log'),
    queue_no: TECH,
    status: participant('activity_log'),
    wants_reminder: participant('consent'),
    token_hash: participant('pseudonym'),
    idempotency_key: TECH,
    locale: TECH,
    created_at: participant('activity_log'),
    confirmed_at: participant('activity_log'),
    cancelled_at: participant('activity_log'),
    reminded_at: TECH,
    consent_withdrawn_at: participant('consent'),
    attended: participant('activity_log'),
    attendance_by: REF,
    anonymised_at: TECH,
  },
  event_invitations: {
    id: KEY,
    event_id: REF,
    region_id: REF,
    municipality_code: REF,
    email_hash: p('events', ['event_registrations'])('pseudonym'),
    person_kind: TECH,
    person_id: REF,
    invited_by: REF,
    created_at: TECH,
  },
} satisfies Record<string, Record<string, ColumnClass>>);

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
