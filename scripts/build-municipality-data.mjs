#!/usr/bin/env node
// Builds data/municipalities/{municipalities,code-changes}.csv from the SSB KLASS 131 files and
// Kartverket's 2024 list under data/source/ (see data/PROVENANCE.md). Run it again when a
// reform lands; the app loads the two CSVs it writes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const src = 'data/source/ssb';
const out = 'data/municipalities';

function readCsv(path, sep) {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const split = (line) => {
    const cells = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === sep) {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    return cells;
  };
  const [head, ...rows] = lines.map(split);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const csvCell = (v) =>
  /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v);
const writeCsv = (path, header, rows) =>
  writeFileSync(path, `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`);

const fold = (s) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// Current municipalities (2024 on): Kartverket names, with the KLASS-style short name being the
// Norwegian part of a parallel name ("Rosse - Røros" → "Røros"), taken from the 2020 KLASS list
// where the code is unchanged.
const kartverket = readCsv(`${src}/kommuner_2024_from_kartverket_geojson.csv`, ',');
const klass2020 = readCsv(`${src}/klass/ssb_kommunekoder_2020.csv`, ';').filter(
  (r) => r.code !== '9999',
);
const name2020 = new Map(klass2020.map((r) => [r.code, r.name]));

const shortName = (code, official) => {
  const known = name2020.get(code);
  if (known && !known.includes(' - ')) return known;
  // Kartverket lists Norwegian last for some Sámi/Kven areas and first for others; SSB's short
  // name is the Norwegian one, which is the part KLASS 2020 also used where it had only one.
  const parts = official.split(' - ');
  if (parts.length === 1) return official;
  const norwegianLast = new Set(['5025', '5512', '5518', '5503']);
  return norwegianLast.has(code) ? parts.at(-1) : parts[0];
};

const municipalities = kartverket.map((r) => ({
  code: r.kommunenummer,
  officialName: r.kommunenavn,
  name: shortName(r.kommunenummer, r.kommunenavn),
  countyCode: r.fylkesnummer,
  countyName: r.fylkesnavn,
}));
const slugCount = new Map();
for (const m of municipalities) slugCount.set(fold(m.name), (slugCount.get(fold(m.name)) ?? 0) + 1);
for (const m of municipalities) {
  const base = fold(m.name);
  m.slug = slugCount.get(base) > 1 ? `${base}-${fold(m.countyName.split(' - ')[0])}` : base;
}

// Code changes 2013–2020 from the wide file: one row per 2013 municipality with its code in
// each later year and SSB's note on what happened.
const wide = readCsv(`${src}/klass/alle_kommunenummer_fra2013_til2020_wide.csv`, ';');
const steps = [
  ['2013', '2017', '13_17', '2017-01-01'],
  ['2017', '2018', '17_18', '2018-01-01'],
  ['2018', '2019', '18_19', '2019-01-01'],
  ['2019', '2020', '19_20', '2020-01-01'],
];
const kindOf = (note) =>
  note.includes('splittet') ? 'split' : note.includes('slått sammen') ? 'merged' : 'renumbered';
const changes = new Map();
const addChange = (c) => changes.set(`${c.oldCode}>${c.newCode}@${c.changedOn}`, c);
for (const row of wide) {
  for (const [from, to, key, date] of steps) {
    const oldCode = row[`kommunenummer_${from}`];
    const newCode = row[`kommunenummer_${to}`];
    const note = row[`endringsmerknad_${key}`] ?? '';
    if (!oldCode || !newCode || note.startsWith('uendret')) continue;
    if (oldCode === newCode && !note.includes('slått sammen')) continue;
    addChange({
      oldCode,
      oldName: row[`kommunenavn_${from}`],
      newCode,
      newName: row[`kommunenavn_${to}`],
      changedOn: date,
      kind: kindOf(note),
    });
  }
}
// Splits 2019→2020 (Snillfjord, Tysfjord) list each receiving municipality.
for (const r of readCsv(`${src}/klass/kommuner_med_endringer_fra2019_til2020.csv`, ';')) {
  if (r.splittes !== '1') continue;
  const [oldCode, oldName] = r.kommuner_2019
    .split(/\s[-\u00a0]+\s|\u00a0-\u00a0/)
    .map((s) => s.trim());
  const [newCode, ...rest] = r.kommuner_2020.split(/\s-\s|\u00a0-\u00a0/);
  addChange({
    oldCode,
    oldName,
    newCode: newCode.trim(),
    newName: rest.join(' - ').trim(),
    changedOn: '2020-01-01',
    kind: 'split',
  });
}

// 2024: the counties Viken, Vestfold og Telemark and Troms og Finnmark were split, and their
// municipalities renumbered; Ålesund was split (Haram re-established). Matched by name within
// the old county's area, since no KLASS change file for 2024 is in the sources.
const current = new Set(municipalities.map((m) => m.code));
const byName = new Map();
for (const m of municipalities) {
  for (const part of [m.name, ...m.officialName.split(' - ')]) {
    const k = fold(part);
    byName.set(k, [...(byName.get(k) ?? []), m]);
  }
}
const oldToNewCounty = { 30: ['31', '32', '33'], 38: ['39', '40'], 54: ['55', '56'], 15: ['15'] };
const unmatched = [];
for (const r of klass2020) {
  if (current.has(r.code)) continue;
  const counties = oldToNewCounty[r.code.slice(0, 2)] ?? [];
  // SSB disambiguates with the county in brackets: "Våler (Viken)".
  const plain = r.name.replace(/\s*\([^)]*\)$/, '');
  const names = [plain, ...plain.split(' - ')].map(fold);
  const hit = names
    .flatMap((n) => byName.get(n) ?? [])
    .find((m) => counties.includes(m.countyCode));
  if (!hit) {
    unmatched.push(`${r.code} ${r.name}`);
    continue;
  }
  addChange({
    oldCode: r.code,
    oldName: r.name,
    newCode: hit.code,
    newName: hit.name,
    changedOn: '2024-01-01',
    kind: 'renumbered',
  });
}
// Ålesund 1507 → 1508 Ålesund and 1580 Haram.
for (const c of [...changes.values()]) {
  if (c.oldCode === '1507' && c.changedOn === '2024-01-01') c.kind = 'split';
}
if (current.has('1580')) {
  addChange({
    oldCode: '1507',
    oldName: 'Ålesund',
    newCode: '1580',
    newName: 'Haram',
    changedOn: '2024-01-01',
    kind: 'split',
  });
}
if (unmatched.length) {
  console.error(`No 2024 successor found for: ${unmatched.join(', ')}`);
  process.exit(1);
}

mkdirSync(out, { recursive: true });
writeCsv(
  `${out}/municipalities.csv`,
  ['code', 'name', 'official_name', 'county_code', 'county_name', 'slug'],
  municipalities
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((m) => [m.code, m.name, m.officialName, m.countyCode, m.countyName, m.slug]),
);
const changeRows = [...changes.values()].sort(
  (a, b) => a.changedOn.localeCompare(b.changedOn) || a.oldCode.localeCompare(b.oldCode),
);
writeCsv(
  `${out}/code-changes.csv`,
  ['old_code', 'old_name', 'new_code', 'new_name', 'changed_on', 'kind'],
  changeRows.map((c) => [c.oldCode, c.oldName, c.newCode, c.newName, c.changedOn, c.kind]),
);
console.log(`${municipalities.length} municipalities, ${changeRows.length} code changes`);
