import { fromDbBool, fromDbJson } from '../../db/portable.js';
import type { PersonData } from './person-data.js';

/**
 * The access export (GDPR Art. 15): everything held about a person, by section, each with
 * its source category. What a tip says about the person is theirs; who tipped them is not:
 * the tipper's identity is withheld (Art. 15(4)), and the export says so.
 */
export const WITHHELD = "withheld to protect the tipper's privacy";

export type SectionId =
  | 'prospects'
  | 'tips_about'
  | 'calls'
  | 'follow_up_tasks'
  | 'tips_given'
  | 'emails'
  | 'staff_account'
  | 'newcomers'
  | 'newcomer_stories'
  | 'survey_invitations'
  | 'event_registrations'
  | 'entrepreneur_inquiries'
  | 'employer_contacts'
  | 'audit';
export type SourceId = 'residents' | 'calling' | 'you' | 'system';

export type ExportValue = string | number | boolean | null | string[];

export interface ExportSection {
  id: SectionId;
  source: SourceId;
  records: Array<Record<string, ExportValue>>;
}

export interface AccessExport {
  format: 'flytthit.access-export/1';
  generatedAt: string;
  lookup: { by: string };
  optedOut: boolean;
  sections: ExportSection[];
}

function prospectsSection(d: PersonData): ExportSection {
  return {
    id: 'prospects',
    source: 'residents',
    records: d.prospects.map((p) => ({
      campaign: p.campaignName,
      name: p.name,
      household: p.household,
      phone: p.phoneE164,
      addressLine: p.addressLine,
      postcode: p.postcode,
      city: p.city,
      municipalityCode: p.municipalityCode,
      firstTippedAt: p.firstTippedAt,
      postcardSentAt: p.cardedAt,
      callAttempts: p.callAttempts,
      lastOutcome: p.lastOutcome,
      reachedAt: p.reachedAt,
      interestedAt: p.interestedAt,
      visitingAt: p.visitingAt,
      movedInOn: p.movedInOn,
      claimsOnCallingDay: d.claims,
    })),
  };
}

function tipsAboutSection(d: PersonData): ExportSection {
  return {
    id: 'tips_about',
    source: 'residents',
    records: d.tipsAbout.map((t) => ({
      createdAt: t.createdAt,
      tipper: WITHHELD,
      name: t.personName,
      phone: t.personPhone,
      addressLine: t.personAddressLine,
      postcode: t.personPostcode,
      city: t.personCity,
      livesNow: t.personLivesNow,
      connection: t.personConnection,
      household: t.personHousehold,
      reason: t.personReason,
      purpose: t.purpose,
      legalBasis: t.legalBasis,
    })),
  };
}

function callingSections(d: PersonData): ExportSection[] {
  return [
    {
      id: 'calls',
      source: 'calling',
      records: d.calls.map((c) => ({
        calledAt: c.calledAt,
        outcome: c.outcome,
        notes: c.notes,
        interests: fromDbJson<string[]>(c.interests, []),
        callBackAt: c.callBackAt,
      })),
    },
    {
      id: 'follow_up_tasks',
      source: 'calling',
      records: d.tasks.map((t) => ({
        kind: t.kind,
        status: t.status,
        dueOn: t.dueOn,
        notes: t.notes,
        createdAt: t.createdAt,
        doneAt: t.doneAt,
      })),
    },
  ];
}

function ownSections(d: PersonData): ExportSection[] {
  return [
    {
      id: 'tips_given',
      source: 'you',
      records: d.tipsGiven.map((t) => ({
        campaign: t.campaignName,
        createdAt: t.createdAt,
        name: t.tipperName,
        email: t.tipperEmail,
        phone: t.tipperPhone,
        municipalityCode: t.tipperMunicipalityCode,
        mayBeNamed: fromDbBool(t.tipperMayBeNamed),
        wantsNews: fromDbBool(t.tipperWantsNews),
        // Whom they tipped about, as they wrote it; nothing staff or others added since.
        personName: t.personName,
      })),
    },
    {
      id: 'emails',
      source: 'system',
      records: d.emails.map((e) => ({
        to: e.toAddress,
        subject: e.subject,
        text: e.textBody,
        attachments: e.attachments,
        status: e.status,
        createdAt: e.createdAt,
        sentAt: e.sentAt,
      })),
    },
    {
      id: 'staff_account',
      source: 'system',
      records: d.users.map((u) => ({
        name: u.name,
        email: u.email,
        role: u.role,
        locale: u.locale,
        createdAt: u.createdAt,
        disabledAt: u.disabledAt,
      })),
    },
    {
      id: 'audit',
      source: 'system',
      records: d.audit.map((a) => ({ at: a.at, action: a.action })),
    },
  ];
}

/** What a newcomer registration holds; the adults as one line each. */
function newcomersSection(d: PersonData): ExportSection {
  return {
    id: 'newcomers',
    source: 'you',
    records: d.newcomers.map((n) => ({
      municipalityCode: n.municipalityCode,
      registeredBy: n.source,
      adults: n.adults.map((a) =>
        [a.name, a.birthYear, a.email, a.phone].filter((v) => v !== null).join(', '),
      ),
      childrenBirthYears: n.childrenBirthYears.map(String),
      movedFrom: n.movedFrom,
      movingDate: n.movingDate,
      reasons: n.reasons,
      heardVia: n.heardVia,
      consentContact: n.consentContact,
      consentContactAt: n.consentContactAt,
      consentCheckIns: n.consentCheckIns,
      consentCheckInsAt: n.consentCheckInsAt,
      consentWithdrawnAt: n.consentWithdrawnAt,
      notes: n.notes,
      movedAwayOn: n.movedAwayOn,
      createdAt: n.createdAt,
    })),
  };
}

/** The person's own stories for the site, with their consent to publishing. */
function newcomerStoriesSection(d: PersonData): ExportSection {
  return {
    id: 'newcomer_stories',
    source: 'you',
    records: d.newcomerStories.map((s) => ({ ...s })),
  };
}

/** Survey invitations sent to the person's address; the answers are anonymous and not linked. */
function surveyInvitationsSection(d: PersonData): ExportSection {
  return {
    id: 'survey_invitations',
    source: 'system',
    records: d.surveyInvitations.map((i) => ({
      survey: i.survey,
      wave: i.wave,
      email: i.email,
      municipalityCode: i.municipalityCode,
      sendAt: i.sendAt,
      sentAt: i.sentAt,
      remindedAt: i.remindedAt,
      expiresAt: i.expiresAt,
      answered: i.answered,
      cancelledAt: i.cancelledAt,
    })),
  };
}

/** Registrations for events under the person's email; the event named in bokmål. */
function eventRegistrationsSection(d: PersonData): ExportSection {
  return {
    id: 'event_registrations',
    source: 'you',
    records: d.eventRegistrations.map((r) => ({
      event: r.event,
      startsAt: r.startsAt,
      name: r.name,
      email: r.email,
      seats: r.seats,
      status: r.status,
      wantsReminder: r.wantsReminder,
      attended: r.attended,
      createdAt: r.createdAt,
    })),
  };
}

/** «Start Her» inquiries the person sent, and their being an employer's contact person. */
function businessSections(d: PersonData): ExportSection[] {
  return [
    {
      id: 'entrepreneur_inquiries',
      source: 'you',
      records: d.business.entrepreneurs.map(({ id: _id, tasks, ...e }) => ({
        ...e,
        tasks: tasks.map((t) => `${t.dueOn} ${t.title} (${t.status})`),
      })),
    },
    {
      id: 'employer_contacts',
      source: 'system',
      records: d.business.employerContacts.map(({ id: _id, ...c }) => c),
    },
  ];
}

export function buildAccessExport(d: PersonData, by: string, now: Date): AccessExport {
  const sections = [
    prospectsSection(d),
    tipsAboutSection(d),
    ...callingSections(d),
    newcomersSection(d),
    newcomerStoriesSection(d),
    surveyInvitationsSection(d),
    eventRegistrationsSection(d),
    ...businessSections(d),
    ...ownSections(d),
  ].filter((s) => s.records.length > 0);
  return {
    format: 'flytthit.access-export/1',
    generatedAt: now.toISOString(),
    lookup: { by },
    optedOut: d.optedOut,
    sections,
  };
}
