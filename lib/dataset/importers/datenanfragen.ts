/**
 * European data-protection supervisory authorities from datenanfragen/data
 * (supervisory-authorities/*.json) → regulator records with remit privacy.
 */
import type { AliasInput, EntityRecord } from '../schema';
import { ImportError } from './csv';
import type { Importer } from './source';

export const DPA_DIR = 'datenanfragen__data/supervisory-authorities';
const DPA_URL = (slug: string) =>
  `https://github.com/datenanfragen/data/blob/master/supervisory-authorities/${slug}.json`;
/** The day supervisory-authorities/ last changed (SOURCE.md). */
export const DPA_AS_OF = '2026-03-08';

/** Language of each country's authority names (for nativeNames). */
const LANG: Record<string, string> = {
  at: 'de',
  be: 'fr',
  bg: 'bg',
  ch: 'de',
  cy: 'el',
  cz: 'cs',
  de: 'de',
  dk: 'da',
  ee: 'et',
  es: 'es',
  fi: 'fi',
  fr: 'fr',
  gr: 'el',
  hr: 'hr',
  hu: 'hu',
  is: 'is',
  it: 'it',
  li: 'de',
  lt: 'lt',
  lu: 'fr',
  lv: 'lv',
  nl: 'nl',
  no: 'nb',
  pl: 'pl',
  pt: 'pt',
  ro: 'ro',
  se: 'sv',
  si: 'sl',
  sk: 'sk',
  ie: 'en',
  gb: 'en',
  mt: 'en',
};

const COUNTRY: Record<string, string> = {
  at: 'Austria',
  be: 'Belgium',
  bg: 'Bulgaria',
  ch: 'Switzerland',
  cy: 'Cyprus',
  cz: 'the Czech Republic',
  de: 'Germany',
  dk: 'Denmark',
  ee: 'Estonia',
  es: 'Spain',
  fi: 'Finland',
  fr: 'France',
  gr: 'Greece',
  hr: 'Croatia',
  hu: 'Hungary',
  is: 'Iceland',
  it: 'Italy',
  li: 'Liechtenstein',
  lt: 'Lithuania',
  lu: 'Luxembourg',
  lv: 'Latvia',
  nl: 'the Netherlands',
  no: 'Norway',
  pl: 'Poland',
  pt: 'Portugal',
  ro: 'Romania',
  se: 'Sweden',
  si: 'Slovenia',
  sk: 'Slovakia',
  ie: 'Ireland',
  gb: 'the United Kingdom',
  mt: 'Malta',
};

/**
 * Nicer ids and the initialisms news uses. An acronym is added only when the name shows it:
 * written in it ("– CNIL") or as the initials of its words (ICO, AEPD, DPC).
 */
const KNOWN: Record<string, { id: string; acronyms?: string[]; short?: string[] }> = {
  frcnil: { id: 'fr-cnil', acronyms: ['CNIL'] },
  iedpc: { id: 'ie-dpc', acronyms: ['DPC'] },
  gbico: { id: 'uk-ico', acronyms: ['ICO'] },
  esaepa: { id: 'es-aepd', acronyms: ['AEPD'] },
  itgpdp: { id: 'it-garante', short: ['Garante'] },
  nlap: { id: 'nl-ap' },
  debfdi: { id: 'de-bfdi', acronyms: ['BfDI'] },
  debaylda: { id: 'de-baylda', acronyms: ['BayLDA'] },
  plgiodo: { id: 'pl-uodo', acronyms: ['UODO'] },
  ptcnpd: { id: 'pt-cnpd', acronyms: ['CNPD'] },
  lucnpd: { id: 'lu-cnpd', acronyms: ['CNPD'] },
  chedoeb: { id: 'ch-edoeb', acronyms: ['EDÖB'] },
  atdsb: { id: 'at-dsb' },
  beapd: { id: 'be-apd' },
  sedi: { id: 'se-imy' },
  nods: { id: 'no-datatilsynet' },
  dkdi: { id: 'dk-datatilsynet' },
  hunaih: { id: 'hu-naih', acronyms: ['NAIH'] },
  grdpa: { id: 'gr-hdpa' },
  lidss: { id: 'li-dss', acronyms: ['DSS'] },
};

/** Native names several authorities share (Datatilsynet is Denmark's and Norway's). */
const SHARED_NATIVE = new Set(['Datatilsynet']);

export interface DpaFile {
  slug: string;
  'relevant-countries': string[];
  name: string;
  web?: string;
}

/** True when `acronym` is written in `name`, or is the initials of its capitalised words. */
export function acronymInName(acronym: string, name: string): boolean {
  if (new RegExp(`(^|[^\\p{L}])${acronym}([^\\p{L}]|$)`, 'u').test(name)) return true;
  const words = name
    .replace(/[’']s\b/g, '')
    .split(/[\s\-–]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && w.length > 0);
  const initials = words.map((w) => w[0]).join('');
  return acronym.length >= 2 && initials.includes(acronym.toUpperCase());
}

interface SplitName {
  english?: string;
  natives: string[];
  acronyms: string[];
}

/** "Native (English)", "Native – ACR (English)", "ACR – Native (English)", "Native, Native2" … */
export function splitDpaName(raw: string, country: string): SplitName {
  let s = raw.replace(/\s+/g, ' ').trim();
  const acronyms: string[] = [];
  let english: string | undefined;
  const paren = /^(.*?)\s*\(([^()]+)\)\s*(.*)$/.exec(s);
  if (paren) {
    const inner = paren[2]!.trim();
    if (/^[\p{Lu}][\p{L}]{1,6}$/u.test(inner) && /\p{Lu}.*\p{Lu}/u.test(inner)) {
      // "(BayLDA)", "(DSS)": an acronym; "(KdöR)" is a legal form, not the authority's name.
      if (inner !== 'KdöR') acronyms.push(inner);
      s = `${paren[1]} ${paren[3]}`.trim();
    } else if (LANG[country] !== 'en' && /^(The |[A-Z])/.test(inner) && !/[äöüßéèàç]/i.test(inner)) {
      english = inner.replace(/^The (?=National Supervisory)/, 'the ').replace(/^the /, 'The ');
      s = `${paren[1]} ${paren[3]}`.trim();
    }
  }
  const dash = s.split(/\s+–\s+/);
  let natives: string[] = [];
  for (const part of dash) {
    if (/^[\p{Lu}]{2,6}$/u.test(part)) acronyms.push(part);
    else natives.push(part);
  }
  // "Autorité … de Belgique, Gegevensbeschermingsautoriteit van België": two official languages.
  if (country === 'be') natives = natives.flatMap((n) => n.split(/,\s+/));
  // A name given only in English ("Commission for Personal Data Protection Bulgaria").
  if (!english && natives.length === 1 && /^[\x20-\x7e’]+$/.test(natives[0]!) && /\b(for|of|the)\b/.test(natives[0]!)) {
    english = natives[0];
    natives = [];
  }
  if (LANG[country] === 'en' && natives.length) {
    english = natives.join(' ');
    natives = [];
  }
  return { english: english?.trim(), natives, acronyms };
}

export function importDpas(files: { file: string; text: string }[]): EntityRecord[] {
  const records: EntityRecord[] = [];
  for (const { file, text } of files) {
    let d: DpaFile;
    try {
      d = JSON.parse(text) as DpaFile;
    } catch (err) {
      throw new ImportError(file, undefined, `not valid JSON: ${(err as Error).message}`);
    }
    if (
      !d.slug ||
      typeof d.name !== 'string' ||
      !Array.isArray(d['relevant-countries']) ||
      !d['relevant-countries'].length
    )
      throw new ImportError(file, undefined, 'needs slug, name and relevant-countries');
    const cc = d['relevant-countries'][0]!.toLowerCase();
    if (!COUNTRY[cc]) throw new ImportError(file, undefined, `unexpected country "${cc}"`);
    const known = KNOWN[d.slug];
    const split = splitDpaName(d.name, cc);
    const lang = LANG[cc]!;
    const name = split.english ?? split.natives[0]!;
    const nativeNames: { text: string; lang: string }[] = [];
    const aliases: AliasInput[] = [];
    split.natives.forEach((n, i) => {
      const l = cc === 'be' ? (i === 0 ? 'fr' : 'nl') : lang;
      // nativeNames cannot carry the ambiguous flag, so a shared native name is an alias.
      if (SHARED_NATIVE.has(n)) aliases.push({ text: n, ambiguous: true, lang: l });
      else nativeNames.push({ text: n, lang: l });
    });
    for (const a of new Set([...split.acronyms, ...(known?.acronyms ?? [])]))
      if (acronymInName(a, d.name))
        aliases.push({ text: a, acronym: true, ...(a === 'CNPD' || a === 'DSS' ? { ambiguous: true } : {}) });
    for (const s of known?.short ?? []) if (d.name.includes(s)) aliases.push({ text: s, short: true });
    if (name.includes('’')) aliases.push(name.replace(/’/g, "'"));
    const id = known?.id ?? `${cc === 'gb' ? 'uk' : cc}-dpa-${d.slug.replace(new RegExp(`^${cc}`), '')}`;
    const jurisdiction = cc.toUpperCase();
    const where = COUNTRY[cc]!;
    let description: string;
    if (cc === 'de') {
      const scope = /kath|ekd/.test(d.slug)
        ? 'for church bodies'
        : /^derf/.test(d.slug)
          ? 'for public broadcasting'
          : d.slug === 'debfdi'
            ? 'at federal level'
            : 'for one of the federal states (Länder)';
      description = `A German data-protection supervisory authority ${scope}: it oversees how personal data is handled and takes complaints under the GDPR.`;
    } else
      description = `The data-protection supervisory authority of ${where}: it oversees how personal data is handled and takes complaints from the public.`;
    const sources = [DPA_URL(d.slug)];
    records.push({
      id,
      type: 'regulator',
      name,
      ...(nativeNames.length ? { nativeNames } : {}),
      ...(aliases.length ? { aliases } : {}),
      jurisdiction,
      description,
      regulator: { remit: ['privacy'], ...(d.web ? { website: d.web } : {}) },
      sources,
      asOf: DPA_AS_OF,
    });
  }
  return records;
}

export const datenanfragenImporter: Importer = {
  output: 'eu-dpas-datenanfragen',
  reads: [DPA_DIR],
  run(ctx) {
    const files = ctx
      .list(DPA_DIR)
      .filter((n) => n.endsWith('.json'))
      .map((n) => ({ file: `${DPA_DIR}/${n}`, text: ctx.read(`${DPA_DIR}/${n}`) }));
    return { records: importDpas(files), skipped: [] };
  },
};
