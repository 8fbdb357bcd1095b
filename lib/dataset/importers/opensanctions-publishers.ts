/**
 * Public bodies that publish the lists OpenSanctions collects (parliaments, financial
 * regulators, financial intelligence units, ministries, sanctions authorities …), from the
 * `publisher` block of each dataset's metadata file in opensanctions/opensanctions
 * (`datasets/**\/*.yml`, MIT: the metadata is configuration, not OpenSanctions' CC BY-NC data).
 *
 * Which publishers are taken and with which remit is decided by the rules in
 * `assets/dataset/sources/opensanctions__opensanctions/publishers.json`.
 */
import { parse } from 'yaml';
import type { AliasInput, EntityRecord, Remit, SourceRef } from '../schema';
import { looksLikeAcronym } from '../aliases';
import { ImportError } from './csv';
import { idPrefix, slug } from './central-banks';
import type { ImportContext, Importer, ImportResult } from './source';
import countriesTable from '../../../assets/dataset/sources/countries.json';
import publishersTable from '../../../assets/dataset/sources/opensanctions__opensanctions/publishers.json';
import genericTable from '../../../assets/dataset/sources/generic-names.json';
import extractSpec from '../../../assets/dataset/sources/opensanctions__opensanctions/extract.json';

export const OS_DIR = 'opensanctions__opensanctions/datasets';
const REPO = 'https://github.com/opensanctions/opensanctions/blob/f33cff233ff4393a8c71784cfe280275727b52ca';
/** Date of the pinned commit (SOURCE.md). */
export const OS_AS_OF = '2026-08-22';

export interface PublisherRules {
  skipCountries: string[];
  rules: { pattern: string; remit: string[]; what: string }[];
  existing: Record<string, string>;
  skip: string[];
  dropAcronyms: string[];
  genericWords: string[];
  nonLatinLanguages: string[];
  languages: Record<string, string>;
  countryNames: Record<string, string>;
}

export const PUBLISHER_RULES: PublisherRules = {
  skipCountries: publishersTable.skipCountries,
  rules: publishersTable.rules,
  existing: publishersTable.existing as Record<string, string>,
  skip: publishersTable.skip,
  dropAcronyms: publishersTable.dropAcronyms,
  genericWords: genericTable.words,
  nonLatinLanguages: publishersTable.nonLatinLanguages,
  languages: publishersTable.languages as Record<string, string>,
  countryNames: countriesTable.names as Record<string, string>,
};

interface Publisher {
  name?: string;
  name_en?: string;
  acronym?: string;
  url?: string;
  country?: string;
  official?: boolean;
}

export interface PublisherFile {
  /** Path under the sources folders, for messages. */
  file: string;
  /** The dataset's path in the repository, for the source link. */
  path: string;
  text: string;
}

export function importPublishers(
  files: PublisherFile[],
  r: PublisherRules,
  reservedIds: ReadonlySet<string>,
): ImportResult {
  const skipped: string[] = [];
  const rules = r.rules.map((x) => ({ ...x, re: new RegExp(x.pattern, 'i') }));
  const byKey = new Map<string, EntityRecord & { _datasets: string[] }>();
  const taken = new Set<string>();
  for (const f of files) {
    let doc: { title?: string; publisher?: Publisher };
    try {
      doc = parse(f.text) as typeof doc;
    } catch (err) {
      throw new ImportError(f.file, undefined, `not valid YAML: ${(err as Error).message}`);
    }
    const p = doc?.publisher;
    if (!p || typeof p.name !== 'string' || !p.name.trim()) {
      skipped.push(`${f.file}: no publisher name`);
      continue;
    }
    if (p.official !== true) {
      skipped.push(`${f.file}: publisher "${p.name}" is not an official body`);
      continue;
    }
    const cc = (p.country ?? '').toLowerCase();
    if (!/^[a-z]{2}$/.test(cc) || r.skipCountries.includes(cc) || !r.countryNames[cc.toUpperCase()]) {
      skipped.push(`${f.file}: publisher "${p.name}" has country "${p.country ?? ''}"`);
      continue;
    }
    const native = p.name.replace(/\s+/g, ' ').trim();
    const english = (p.name_en ?? '').replace(/\s+/g, ' ').trim() || native;
    const key = `${cc}|${native}`;
    if (r.skip.includes(`${cc}|${native}`)) {
      skipped.push(`${f.file}: "${english}" is on the skip list (publishers.json)`);
      continue;
    }
    const existing = r.existing[`${cc}|${native}`];
    if (existing) {
      skipped.push(`${f.file}: "${english}" is already in the dataset as ${existing}`);
      continue;
    }
    const source: SourceRef = {
      url: `${REPO}/${f.path}`,
      date: OS_AS_OF,
      title: `OpenSanctions dataset metadata: ${doc.title ?? f.path}`,
    };
    const prev = byKey.get(key);
    if (prev) {
      prev.sources.push(source);
      if (doc.title) prev._datasets.push(doc.title);
      continue;
    }
    const rule = rules.find((x) => x.re.test(english) || x.re.test(native));
    if (!rule) {
      skipped.push(`${f.file}: no rule gives a remit for "${english}"`);
      continue;
    }
    const jurisdiction = cc.toUpperCase();
    const acronym = p.acronym?.trim();
    const acr =
      acronym && looksLikeAcronym(acronym) && !/\s/.test(acronym) && !r.dropAcronyms.includes(`${cc}|${native}`)
        ? acronym
        : undefined;
    const words = slug(english.replace(/^The /i, '')).split('-');
    let id = `${idPrefix(jurisdiction)}-${acr ? slug(acr) : words.slice(0, 6).join('-')}`;
    if (reservedIds.has(id)) {
      skipped.push(`${f.file}: "${english}": id ${id} is taken, probably by the same body`);
      continue;
    }
    if (taken.has(id)) id = `${idPrefix(jurisdiction)}-${words.slice(0, 8).join('-')}`;
    if (reservedIds.has(id) || taken.has(id)) {
      skipped.push(`${f.file}: id ${id} is taken (is "${english}" already in the dataset?)`);
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
    const nativeNames: { text: string; lang: string }[] = [];
    if (native !== english) {
      const lang = r.languages[cc];
      const romanised =
        lang && r.nonLatinLanguages.includes(lang) && /^[\p{Script=Latin}\p{P}\p{Zs}\d]+$/u.test(native);
      const englishWords =
        /\b(Register|Centre|Center|Council|Service|Agency|Ministry|Authority|Office|National|Committee)\b/.test(native);
      if (lang && !romanised && !englishWords) nativeNames.push({ text: native, lang });
      else aliases.push(native);
    }
    if (/^The /.test(english)) aliases.push(english.replace(/^The /, ''));
    const country = r.countryNames[jurisdiction]!;
    // "Ministry of Foreign Affairs", "Chamber of Deputies": many countries have one, so the name
    // is qualified ("Chamber of Deputies (Chile)") and the plain form is an ambiguous alias.
    const generic = english
      .toLowerCase()
      .split(/[\s,]+/)
      .every((w) => r.genericWords.includes(w));
    const name = generic ? `${english} (${country.replace(/^the /, '')})` : english;
    if (generic) aliases.push({ text: english, ambiguous: true });
    const website = p.url && /^https?:\/\/[^\s]+$/.test(p.url) ? p.url : undefined;
    const cues = acr && acr.length <= 3 ? [country.replace(/^the /, '')] : undefined;
    byKey.set(key, {
      id,
      type: 'regulator',
      name,
      ...(nativeNames.length ? { nativeNames } : {}),
      ...(aliases.length ? { aliases } : {}),
      jurisdiction,
      description: '',
      regulator: { remit: rule.remit as Remit[], ...(website ? { website } : {}) },
      ...(cues ? { cues } : {}),
      sources: [source],
      asOf: OS_AS_OF,
      _datasets: doc.title ? [doc.title] : [],
      // the rule's opening, kept for the description below
      ...({ _what: rule.what } as object),
    });
  }
  const records: EntityRecord[] = [];
  for (const rec of byKey.values()) {
    const { _datasets, _what, ...clean } = rec as typeof rec & { _what: string };
    const country = r.countryNames[clean.jurisdiction]!;
    const lists = _datasets.slice(0, 2).map((t) => `“${t}”`);
    clean.description = `${_what} of ${country}${lists.length ? `; it publishes the source of OpenSanctions' ${lists.join(' and ')} dataset${lists.length > 1 ? 's' : ''}` : ''}.`;
    if (clean.description.length > 600) clean.description = `${_what} of ${country}.`;
    records.push(clean);
  }
  return { records, skipped };
}

export const openSanctionsPublishersImporter: Importer = {
  output: 'opensanctions-publishers',
  reads: [OS_DIR],
  run(ctx: ImportContext): ImportResult {
    // The repository path of each copied file, for the source link.
    const pathOf = new Map(extractSpec.files.map((f) => [f.as.split('/').pop()!, f.path]));
    const files = ctx
      .list(OS_DIR)
      .filter((n) => n.endsWith('.yml'))
      .map((n) => ({ file: `${OS_DIR}/${n}`, text: ctx.read(`${OS_DIR}/${n}`), path: pathOf.get(n) ?? n }));
    return importPublishers(files, PUBLISHER_RULES, ctx.reservedIds);
  },
};
