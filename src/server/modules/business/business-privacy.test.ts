import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTestUser, signIn, type TestSession } from '../../../../test/support/auth.js';
import { testDialects } from '../../../../test/support/database.js';
import { consentToken } from '../notifications/consent.js';
import { importEmployers } from './brreg.import.js';
import { purgeBusinessPersonalData } from './business.privacy.js';
import { submitInquiry } from './startups.service.js';

const UNITS = JSON.stringify([
  {
    organisasjonsnummer: '921457103',
    navn: 'FJELLBAKST AS',
    naeringskode1: { kode: '10.710', beskrivelse: 'Produksjon av brød og ferske konditorvarer' },
    antallAnsatte: 12,
    forretningsadresse: { kommunenummer: '3427', kommune: 'TYNSET', adresse: ['Kongsveien 10'] },
  },
]);

/** Access export, erasure and retention reach the entrepreneurs and employers' contacts. */
describe.each(testDialects)('business personal data on %s', (dialect) => {
  let t: TestApp;
  let leader: TestSession;
  let employerId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    leader = await signIn(t, await createTestUser(t, { role: 'programme_leader' }));
    await importEmployers(t.deps.db, t.clock, { userId: null, label: 'test', ip: null }, UNITS, {
      regionId: t.demoRegionId,
      fileName: 'units.json',
    });
    employerId = (await t.deps.db.selectFrom('employers').select('id').executeTakeFirstOrThrow())
      .id;
    await leader.request({
      method: 'PATCH',
      url: `/api/employers/${employerId}/outreach`,
      payload: {
        status: 'contacted',
        contactName: 'Kari Bakar',
        contactEmail: 'kari@example.no',
        notes: 'Ring i januar',
      },
    });
    // Invented entrepreneur with the same address: one person, two roles.
    await submitInquiry(t.deps.db, t.clock, {
      regionId: t.demoRegionId,
      regionName: 'Fjellregionen',
      locale: 'nb',
      key: 'privacy-test-key-1',
      inquiry: {
        name: 'Kari Bakar',
        email: 'kari@example.no',
        phoneE164: '+4741234567',
        idea: 'Eget bakeri',
        industry: 'C',
        municipalityCode: '3427',
        stage: 'idea',
        help: ['advice'],
      },
    });
  });
  afterAll(async () => t?.close());

  const lookup = { by: 'email', email: 'kari@example.no' } as const;

  it('finds both roles in the access export', async () => {
    const res = await leader.request({
      method: 'POST',
      url: '/api/privacy/access-exports',
      payload: { lookup },
    });
    expect(res.statusCode).toBe(200);
    const sections = res.json().sections as Array<{
      id: string;
      records: Array<Record<string, unknown>>;
    }>;
    expect(sections.find((s) => s.id === 'entrepreneur_inquiries')!.records[0]).toMatchObject({
      name: 'Kari Bakar',
      idea: 'Eget bakeri',
      phone: '+4741234567',
    });
    expect(sections.find((s) => s.id === 'employer_contacts')!.records[0]).toMatchObject({
      employer: 'FJELLBAKST AS',
      name: 'Kari Bakar',
      notes: 'Ring i januar',
    });
  });

  it('erases both, keeping the employer and the inquiry count', async () => {
    const res = await leader.request({
      method: 'POST',
      url: '/api/privacy/erasures',
      payload: { lookup },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toMatchObject({ entrepreneurInquiries: 1, employerContacts: 1 });
    const employer = await t.deps.db
      .selectFrom('employers')
      .selectAll()
      .where('id', '=', employerId)
      .executeTakeFirstOrThrow();
    expect(employer).toMatchObject({
      name: 'FJELLBAKST AS',
      contactName: null,
      contactEmail: null,
      outreachNotes: null,
    });
    const inquiry = await t.deps.db
      .selectFrom('entrepreneurInquiries')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(inquiry).toMatchObject({
      name: null,
      email: null,
      phoneE164: null,
      idea: null,
      municipalityCode: '3427',
    });
    const again = await leader.request({
      method: 'POST',
      url: '/api/privacy/access-exports',
      payload: { lookup },
    });
    expect(again.statusCode).toBe(404);
  });

  it('purges contacts 36 months after their last change and closed inquiries after 24', async () => {
    await leader.request({
      method: 'PATCH',
      url: `/api/employers/${employerId}/outreach`,
      payload: { contactName: 'Ola Ny', contactEmail: 'ola@example.no' },
    });
    await submitInquiry(t.deps.db, t.clock, {
      regionId: t.demoRegionId,
      regionName: 'Fjellregionen',
      locale: 'nb',
      key: 'privacy-test-key-2',
      inquiry: {
        name: 'Per',
        email: 'per@example.no',
        phoneE164: null,
        idea: 'Sag',
        industry: 'C',
        municipalityCode: '3427',
        stage: 'idea',
        help: [],
      },
    });
    const per = await t.deps.db
      .selectFrom('entrepreneurInquiries')
      .select('id')
      .where('email', '=', 'per@example.no')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('entrepreneurInquiries')
      .set({ pipelineStage: 'dropped', closedAt: t.clock.now().toISOString() })
      .where('id', '=', per.id)
      .execute();
    expect(await purgeBusinessPersonalData(t.deps.db, t.clock)).toEqual({
      inquiries: 0,
      employerContacts: 0,
    });
    t.clock.advance(25 * 31 * 24 * 3600_000);
    expect(await purgeBusinessPersonalData(t.deps.db, t.clock)).toEqual({
      inquiries: 1,
      employerContacts: 0,
    });
    t.clock.advance(12 * 31 * 24 * 3600_000);
    expect(await purgeBusinessPersonalData(t.deps.db, t.clock)).toEqual({
      inquiries: 0,
      employerContacts: 1,
    });
  });

  it('withdrawing consent from the survey email removes the contact person at once', async () => {
    await leader.request({
      method: 'PATCH',
      url: `/api/employers/${employerId}/outreach`,
      payload: { contactName: 'Lise Leder', contactEmail: 'lise@example.no' },
    });
    const token = consentToken(t.deps.config.sessionSecret, `employer:${employerId}`);
    const res = await t.app.inject({ method: 'POST', url: `/samtykke/${token}`, payload: {} });
    expect(res.statusCode).toBe(200);
    const employer = await t.deps.db
      .selectFrom('employers')
      .select(['contactName', 'contactEmail', 'outreachStatus'])
      .where('id', '=', employerId)
      .executeTakeFirstOrThrow();
    expect(employer).toEqual({
      contactName: null,
      contactEmail: null,
      outreachStatus: 'contacted',
    });
  });
});
