/**
 * Regulators, supervisors and policy bodies from datasets/publicbodies (ODC-PDDL): one CSV per
 * country (`data/<cc>.csv`: name, abbreviation, classification, url, tags …). Which bodies are
 * taken, with which remit, is the rule list in
 * `assets/dataset/sources/datasets__publicbodies/selection.json`; each file's facts hold as of
 * the day the file last changed in the repository (FILE_DATES).
 */
import type { AliasInput, EntityRecord, Remit, SourceRef } from '../schema';
import { looksLikeAcronym } from '../aliases';
import { parseCsv } from './csv';
import { idPrefix, slug } from './central-banks';
import type { ImportContext, Importer, ImportResult } from './source';
import countriesTable from '../../../assets/dataset/sources/countries.json';
import selectionTable from '../../../assets/dataset/sources/datasets__publicbodies/selection.json';
import genericTable from '../../../assets/dataset/sources/generic-names.json';

export const PB_DIR = 'datasets__publicbodies';
const REPO = 'https://github.com/datasets/publicbodies/blob/b58274a6d5e79d6dda83130780f955cec5e828ad';
/** The day each country file last changed at the pinned commit (SOURCE.md). */
export const FILE_DATES: Record<string, string> = {
  br: '2026-08-09',
  de: '2021-09-13',
  eu: '2021-04-14',
  gb: '2021-04-14',
  gr: '2022-09-06',
  np: '2022-07-11',
  nz: '2021-09-13',
  se: '2021-10-18',
};

export interface PublicBodySelection {
  rules: { country: string; pattern: string; remit: string[]; what: string }[];
  existing: Record<string, string>;
  languages: Record<string, string>;
  countryNames: Record<string, string>;
  genericWords: string[];
}

export const PUBLIC_BODY_SELECTION: PublicBodySelection = {
  rules: selectionTable.rules,
  existing: selectionTable.existing as Record<string, string>,
  languages: selectionTable.languages as Record<string, string>,
  countryNames: countriesTable.names as Record<string, string>,
  genericWords: genericTable.words,
};

/** `files`: country code → CSV text. */
export function importPublicBodies(
  files: Record<string, string>,
  sel: PublicBodySelection,
  reservedIds: ReadonlySet<string>,
): ImportResult {
  const skipped: string[] = [];
  const records: EntityRecord[] = [];
  const taken = new Set<string>();
  const byCountry = new Map<string, { re: RegExp; remit: string[]; what: string; used: boolean }[]>();
  for (const r of sel.rules) {
    const list = byCountry.get(r.country) ?? [];
    list.push({ re: new RegExp(r.pattern), remit: r.remit, what: r.what, used: false });
    byCountry.set(r.country, list);
  }
  for (const [cc, text] of Object.entries(files)) {
    const file = `${PB_DIR}/${cc}.csv`;
    const date = FILE_DATES[cc];
    if (!date) {
      skipped.push(`${file}: no file date in FILE_DATES`);
      continue;
    }
    const rules = byCountry.get(cc) ?? [];
    const jurisdiction = cc === 'eu' ? 'EU' : cc.toUpperCase();
    const country = sel.countryNames[jurisdiction] ?? jurisdiction;
    for (const { row, values } of parseCsv(text, file, [
      'id',
      'name',
      'abbreviation',
      'url',
      'tags',
      'dissolution_date',
    ])) {
      const name = values.name!.replace(/\s+/g, ' ').trim();
      const rule = rules.find((r) => r.re.test(name));
      if (!rule) continue;
      const where = `${file} row ${row}`;
      if (values.dissolution_date || /\bdefunct\b/.test(values.tags ?? '')) {
        skipped.push(`${where}: "${name}" is marked defunct or dissolved`);
        continue;
      }
      rule.used = true;
      const existing = sel.existing[`${cc}|${name}`];
      if (existing) {
        skipped.push(`${where}: "${name}" is already in the dataset as ${existing}`);
        continue;
      }
      const abbr = values.abbreviation?.trim();
      const acr = abbr && looksLikeAcronym(abbr) && !/\s/.test(abbr) ? abbr : undefined;
      // Names in Greek script give no Latin slug: the register's own short label is used.
      const latin = slug(name.replace(/^The /i, '')) || slug(abbr ?? '');
      if (!latin) {
        skipped.push(`${where}: "${name}" gives no id`);
        continue;
      }
      const words = latin.split('-');
      let id = `${idPrefix(jurisdiction)}-${acr ? slug(acr) : words.slice(0, 6).join('-')}`;
      if (taken.has(id) && !acr) id = `${idPrefix(jurisdiction)}-${words.join('-')}`;
      if (reservedIds.has(id) || taken.has(id)) {
        skipped.push(`${where}: "${name}": id ${id} is taken, probably by the same body`);
        continue;
      }
      taken.add(id);
      const aliases: AliasInput[] = [];
      if (acr)
        aliases.push({
          text: acr,
          acronym: true,
          ...(acr.replace(/[^A-Za-z]/g, '').length <= 3 ? { ambiguous: true } : {}),
        });
      // "European Banking Authority (EBA)": the name without the bracketed acronym.
      const bare = name.replace(/\s*\(([^)]*)\)$/, '');
      const cleanName = bare !== name && acr && name.endsWith(`(${acr})`) ? bare : name;
      if (/^The /.test(cleanName)) aliases.push(cleanName.replace(/^The /, ''));
      const generic = cleanName
        .toLowerCase()
        .split(/[\s,]+/)
        .every((w) => sel.genericWords.includes(w));
      if (generic) aliases.push({ text: cleanName, ambiguous: true });
      const shownName = generic ? `${cleanName} (${country.replace(/^the /, '')})` : cleanName;
      const website = /^https?:\/\/\S+$/.test(values.url ?? '') ? values.url!.replace(/\u200e/g, '') : undefined;
      const source: SourceRef = {
        url: `${REPO}/data/${cc}.csv`,
        date,
        title: `publicbodies.org register (${jurisdiction}), datasets/publicbodies`,
      };
      const cues = acr && acr.length <= 3 ? [country.replace(/^the /, '')] : undefined;
      records.push({
        id,
        type: 'regulator',
        name: shownName,
        ...(aliases.length ? { aliases } : {}),
        jurisdiction,
        description: `${rule.what} of ${country}, as listed in the publicbodies.org register.`,
        regulator: { remit: rule.remit as Remit[], ...(website ? { website } : {}) },
        ...(cues ? { cues } : {}),
        sources: [source],
        asOf: date,
      });
    }
    for (const r of rules) if (!r.used) skipped.push(`${file}: no row matches the rule ${r.re.source}`);
  }
  return { records, skipped };
}

export const publicBodiesImporter: Importer = {
  output: 'publicbodies',
  reads: [PB_DIR],
  run(ctx: ImportContext): ImportResult {
    const files: Record<string, string> = {};
    for (const cc of Object.keys(FILE_DATES)) files[cc] = ctx.read(`${PB_DIR}/${cc}.csv`);
    return importPublicBodies(files, PUBLIC_BODY_SELECTION, ctx.reservedIds);
  },
};
