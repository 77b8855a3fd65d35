import type { NewcomerInput } from '../../src/contracts/newcomers.js';
import { registerNewcomer } from '../../src/server/modules/newcomers/newcomers.service.js';
import type { MatrixContext } from '../authorization-matrix.js';
import type { TestApp } from './app.js';

let counter = 0;

/** A newcomer household as the office posts it (invented people). */
export function sampleNewcomer(overrides: Partial<NewcomerInput> = {}): NewcomerInput {
  counter += 1;
  return {
    municipalityCode: '3427',
    adults: [
      {
        name: `Kari Nykommer ${counter}`,
        birthYear: 1988,
        email: `kari.${counter}@example.no`,
        phone: `4${String(1_000_000 + counter).padStart(7, '0')}`,
      },
    ],
    childrenBirthYears: [2021, 2016],
    movedFrom: 'Oslo',
    movingDate: '2026-10-01',
    reasons: ['work', 'nature'],
    consents: { contact: true, checkIns: false },
    locale: 'nb',
    ...overrides,
  };
}

/** Registers a newcomer directly (as if from the public form) and returns its id. */
export async function addNewcomer(t: TestApp, overrides: Partial<NewcomerInput> = {}) {
  const { id } = await registerNewcomer(
    t.deps.db,
    t.clock,
    { kind: 'self', ip: null, regionId: t.demoRegionId },
    sampleNewcomer(overrides),
    { publicUrl: 'http://localhost' },
  );
  return id;
}

/** A fresh newcomer in 3427 of the demo region (for the authorization matrix). */
export async function newcomerIn3427(ctx: MatrixContext) {
  return { id: await addNewcomer(ctx.t) };
}
