#!/usr/bin/env node
// Generates the code-list JSON files in packages/domain/src/data/ from the research CSVs
// (/work/shared/domain/data/*.csv, see that folder's README.md for origin and licence).
// Run once when a source CSV changes; the generated JSON is committed.
//
//   node scripts/gen-domain-data.mjs [sourceDir]
//
// sourceDir defaults to $DOMAIN_DATA_DIR or /work/shared/domain/data. The script checks row counts and
// cross-references (every commune's province exists, …) and exits non-zero when anything is off.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sourceDir = process.argv[2] ?? process.env.DOMAIN_DATA_DIR ?? '/work/shared/domain/data';
const outDir = new URL('../packages/domain/src/data/', import.meta.url).pathname;

const THANGLEQUOC_2026 =
  'GitHub thanglequoc/vietnamese-provinces-database, json/simplified_json_generated_data_vn_units_2026-07-25__20_49_07.json at commit cd580632 (2026-08-02), built from the General Statistics Office API; re-shaped to CSV in /work/shared/domain/data';
const THANGLEQUOC_LEGACY =
  'GitHub thanglequoc/vietnamese-provinces-database, tag v2.4.1 (commit fc33b741, data cutoff before QĐ 19/2025/QĐ-TTg, state as of 2025-03-01), json/simplified_json_generated_data_vn_units_minified.json; re-shaped to CSV in /work/shared/domain/data';
const MIT = 'MIT (Copyright (c) 2021 Thang Le Quoc)';

/** Minimal RFC 4180 reader (quotes, doubled quotes, CRLF). Returns header-keyed records. */
function readCsv(file, expectedRows) {
  const text = readFileSync(join(sourceDir, file), 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      cell = '';
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c !== '')) rows.push(row);
  const [header, ...body] = rows;
  const records = body.map((cells, n) => {
    if (cells.length !== header.length)
      fatal(`${file}: row ${n + 2} has ${cells.length} cells, want ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, cells[k].trim()]));
  });
  if (records.length !== expectedRows) fatal(`${file}: ${records.length} rows, want ${expectedRows}`);
  return records;
}

function fatal(message) {
  console.error(`gen-domain-data: ${message}`);
  process.exit(1);
}

function check(condition, message) {
  if (!condition) fatal(message);
}

function unique(records, key, file) {
  const seen = new Set();
  for (const r of records) {
    check(!seen.has(r[key]), `${file}: duplicate ${key} ${r[key]}`);
    seen.add(r[key]);
  }
  return seen;
}

const percent = (s) => {
  const m = /^(\d{1,3})%$/.exec(s);
  check(m, `bad percentage ${s}`);
  return Number(m[1]);
};

/** One JSON file: metadata on the first lines, then one row per line (readable diffs, still compact). */
function write(name, meta, rows) {
  const head = Object.entries(meta)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join('\n');
  const body = rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  writeFileSync(join(outDir, name), `{\n${head}\n  "rows": [\n${body}\n  ]\n}\n`);
  console.log(`wrote ${name} (${rows.length} rows)`);
}

// --- administrative units -------------------------------------------------------------------------

const p2026 = readCsv('vn-admin-provinces-2026.csv', 34);
const provinceCodes2026 = unique(p2026, 'province_code', 'vn-admin-provinces-2026.csv');
for (const r of p2026) check(/^\d{2}$/.test(r.province_code), `bad 2026 province code ${r.province_code}`);
check(p2026.find((r) => r.province_code === '92')?.name === 'Cần Thơ', 'Cần Thơ must be province 92');

const wards = readCsv('vn-admin-wards-2026.csv', 3321);
unique(wards, 'ward_code', 'vn-admin-wards-2026.csv');
for (const r of wards) {
  check(/^\d{5}$/.test(r.ward_code), `bad ward code ${r.ward_code}`);
  check(provinceCodes2026.has(r.province_code), `ward ${r.ward_code}: unknown province ${r.province_code}`);
}
for (const p of p2026) {
  const n = wards.filter((w) => w.province_code === p.province_code).length;
  check(n === Number(p.ward_count), `province ${p.province_code}: ${n} wards, CSV says ${p.ward_count}`);
}

const p63 = readCsv('vn-admin-provinces-63-legacy.csv', 63);
const legacyCodes = unique(p63, 'province_code', 'vn-admin-provinces-63-legacy.csv');
for (const r of p63) {
  check(/^\d{2}$/.test(r.province_code), `bad legacy province code ${r.province_code}`);
  check(
    r.cccd_birthplace_code === `0${r.province_code}`,
    `legacy ${r.province_code}: birthplace code mismatch`,
  );
}

const districts = readCsv('vn-admin-districts-legacy.csv', 696);
unique(districts, 'district_code', 'vn-admin-districts-legacy.csv');
for (const r of districts) {
  check(/^\d{3}$/.test(r.district_code), `bad district code ${r.district_code}`);
  check(legacyCodes.has(r.province_code), `district ${r.district_code}: unknown province ${r.province_code}`);
}

const LEGAL_2026 =
  'NQ 202/2025/QH15 (63 → 34 provinces, in force 2025-07-01); codes by QĐ 19/2025/QĐ-TTg; later changes NQ 30/2026/QH16 and 237/NQ-UBTVQH16 (2026-04-30)';
const LEGAL_LEGACY =
  'GSO administrative-unit codes (QĐ 124/2004/QĐ-TTg and amendments) before QĐ 19/2025/QĐ-TTg';

write(
  'admin-provinces-2026.json',
  { source: THANGLEQUOC_2026, licence: MIT, legalBasis: LEGAL_2026, validFrom: '2025-07-01', validTo: null },
  p2026.map((r) => ({
    code: r.province_code,
    name: r.name,
    fullName: r.full_name,
    fullNameEn: r.full_name_en,
    codeName: r.code_name,
    communeCount: Number(r.ward_count),
  })),
);
write(
  'admin-communes-2026.json',
  {
    source: THANGLEQUOC_2026,
    licence: MIT,
    legalBasis: LEGAL_2026,
    validFrom: '2025-07-01',
    validTo: null,
    columns: ['code', 'name', 'fullName', 'fullNameEn', 'provinceCode'],
  },
  wards.map((r) => [r.ward_code, r.name, r.full_name, r.full_name_en, r.province_code]),
);
write(
  'admin-provinces-legacy.json',
  {
    source: THANGLEQUOC_LEGACY,
    licence: MIT,
    legalBasis: LEGAL_LEGACY,
    validFrom: null,
    validTo: '2025-06-30',
  },
  p63.map((r) => ({
    code: r.province_code,
    name: r.name,
    fullName: r.full_name,
    fullNameEn: r.full_name_en,
    codeName: r.code_name,
    districtCount: Number(r.district_count),
    cccdBirthplaceCode: r.cccd_birthplace_code,
  })),
);
write(
  'admin-districts-legacy.json',
  {
    source: THANGLEQUOC_LEGACY,
    licence: MIT,
    legalBasis: LEGAL_LEGACY,
    validFrom: null,
    validTo: '2025-06-30',
    columns: ['code', 'name', 'fullName', 'fullNameEn', 'provinceCode'],
  },
  districts.map((r) => [r.district_code, r.name, r.full_name, r.full_name_en, r.province_code]),
);

// --- people and insurance code lists ------------------------------------------------------------------

const ethnic = readCsv('ethnic-groups-gso.csv', 56);
unique(ethnic, 'code', 'ethnic-groups-gso.csv');
write(
  'ethnic-groups.json',
  {
    source:
      'Compiled from several independent public reproductions of the GSO list "Danh mục các dân tộc Việt Nam" (identical order 01–54); codes 55/56 UNCONFIRMED extensions',
    licence: 'Facts from a government code list (not copyrightable as such)',
    legalBasis: 'QĐ 121-TCTK/PPCĐ (1979-03-02)',
  },
  ethnic.map((r) => ({
    code: r.code,
    name: r.name_vi,
    confirmed: !/UNCONFIRMED/.test(r.note),
    note: r.note === '' ? null : r.note,
  })),
);

const levels = readCsv('bhyt-benefit-levels.csv', 5);
const levelDigits = unique(levels, 'level_digit', 'bhyt-benefit-levels.csv');
write(
  'bhyt-benefit-levels.json',
  {
    source:
      'Public summaries of the BHYT card structure (e.g. tinhte.vn); UNCONFIRMED against the primary text',
    licence: 'Facts',
    legalBasis: 'QĐ 1351/QĐ-BHXH (2015) and amendments (unconfirmed)',
  },
  levels.map((r) => ({
    level: Number(r.level_digit),
    fundPaysPercent: percent(r.fund_pays),
    scope: r.scope_note,
  })),
);

const groups = readCsv('bhyt-object-codes.csv', 43);
unique(groups, 'code', 'bhyt-object-codes.csv');
for (const r of groups) {
  check(/^[A-Z]{2}$/.test(r.code), `bad BHYT object code ${r.code}`);
  check(
    levelDigits.has(r.typical_benefit_level),
    `BHYT object ${r.code}: unknown level ${r.typical_benefit_level}`,
  );
}
write(
  'bhyt-object-groups.json',
  {
    source:
      'Codes: the 43 prefixes VNeID accepts when a BHYT card is integrated (https://thuphuc.vn/news/tin-benh-vien/huong-dan-tich-hop-thong-tin-so-suc-khoe-dien-tu-tren-ung-dung-vneid-149.html). Labels and typical levels compiled from public summaries, UNCONFIRMED',
    licence: 'Facts',
    legalBasis:
      'QĐ 1351/QĐ-BHXH (2015) and amendments (unconfirmed); CV 3340/BHXH-ST (2017 card code structure)',
  },
  groups.map((r) => ({
    code: r.code,
    label: r.label_vi,
    typicalBenefitLevel: Number(r.typical_benefit_level),
  })),
);

const digits = readCsv('cccd-century-gender-digit.csv', 10);
write(
  'century-sex-digits.json',
  {
    source: 'hongquan/vietnam-personal-id src/utils.ts (MIT): century = (digit div 2) + 19, odd = female',
    licence: 'Facts',
    legalBasis: 'TT 07/2016/TT-BCA (structure of the 12-digit personal identification number)',
  },
  digits.map((r) => {
    const years = /^(\d{4})-(\d{4})$/.exec(r.birth_years);
    check(years, `bad birth_years ${r.birth_years}`);
    const sex = r.sex.startsWith('Nam')
      ? 'male'
      : r.sex.startsWith('Nữ')
        ? 'female'
        : fatal(`bad sex ${r.sex}`);
    return { digit: Number(r.digit), sex, fromYear: Number(years[1]), toYear: Number(years[2]) };
  }),
);

// --- synthetic QR fixtures (test data; copied verbatim so the tests do not depend on the research folder) ---

const fixtures = readFileSync(join(sourceDir, 'qr-fixtures.synthetic.json'), 'utf8');
JSON.parse(fixtures);
writeFileSync(join(outDir, 'qr-fixtures.synthetic.json'), fixtures);
console.log('wrote qr-fixtures.synthetic.json (copy)');
