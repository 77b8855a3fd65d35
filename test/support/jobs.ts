import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/database.js';
import type { JobAdTable } from '../../src/server/db/schema.js';
import { bumpAdsGeneration } from '../../src/server/modules/jobs/jobs.repo.js';
import { foldSearchText } from '../../src/server/modules/jobs/jobs.service.js';

export type JobAdInput = Partial<JobAdTable> & { title: string };

/** An invented NAV ad as the ingest would store it (search key folded the same way). */
export function jobAdRow(regionId: string, input: JobAdInput, now = '2026-11-27T10:00:00.000Z') {
  const id = input.id ?? randomUUID();
  const employerName = input.employerName ?? 'Fjellregionen Test AS';
  const workCity = input.workCity ?? 'Tynset';
  const row: JobAdTable = {
    id,
    regionId,
    municipalityCode: '3427',
    employerName,
    employerOrgNumber: '999999999',
    descriptionHtml: '<p>Vi søker en dyktig medarbeider.</p>',
    styrkCode: '2223',
    occupationLevel1: 'Helse og sosial',
    occupationLevel2: 'Sykepleier',
    sector: 'public',
    extent: 'full_time',
    engagementType: 'Fast',
    applicationDueText: null,
    applicationDueDate: null,
    publishedAt: '2026-11-20T08:00:00.000Z',
    expiresAt: '2026-12-31T23:00:00.000Z',
    navUpdatedAt: '2026-11-20T08:00:00.000Z',
    navLink: `https://arbeidsplassen.nav.no/stillinger/stilling/${id}`,
    applicationUrl: null,
    postalCode: '2500',
    firstSeenAt: now,
    updatedAt: now,
    ...input,
    workCity,
    searchKey: '',
  };
  row.searchKey = foldSearchText(
    [row.title, row.employerName, row.occupationLevel1, row.occupationLevel2, row.workCity]
      .filter(Boolean)
      .join(' '),
  );
  return row;
}

export async function insertJobAds(db: Db, regionId: string, inputs: JobAdInput[]) {
  const rows = inputs.map((i) => jobAdRow(regionId, i));
  // As the ingest does, so cached search counts see the new ads.
  await bumpAdsGeneration(db);
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('jobAds')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  return rows;
}
