/**
 * Company legal forms: strips "Inc.", "Holding Limited", "股份有限公司" … from a company name
 * and derives the shorter names news uses ("Alibaba Group Holding Limited" → "Alibaba Group
 * Holding", "Alibaba Group", "Alibaba"). The forms come from the GLEIF ISO 20275 list,
 * extracted by `scripts/import-dataset.ts` into `legal-suffixes.generated.json`.
 */
import generated from './legal-suffixes.generated.json';

/**
 * Forms not in ISO 20275 as written in company names: romanised Japanese (ISO lists Japanese
 * forms only in Japanese), and spellings of European and other forms the list has in another
 * case or not at all (A/S, Oyj, Plc, SpA, Aktiengesellschaft …).
 */
const EXTRA_LATIN = [
  'K.K.',
  'Kabushiki Kaisha',
  'A/S',
  'Oyj',
  'Abp',
  'Plc',
  'PLC',
  'SpA',
  'S.p.A.',
  'A.S.',
  'A.Ş.',
  'Aktiengesellschaft',
  'PJSC',
  'Public Joint Stock Company',
  'PCL',
  'Berhad',
  'Bhd',
  'Joint Stock Co., Ltd.',
  'Joint-Stock Co., Ltd.',
  'Joint Stock Company',
  'Stock Co., Ltd.',
  'Joint Stock',
];
/**
 * Mainland China's company forms under the Company Law: ISO 20275 v1.6 lists Chinese entity
 * types (企业, 事业单位 …) but not these, though Hong Kong's and Taiwan's forms are there.
 */
const EXTRA_CJK = ['有限责任公司', '有限責任公司', '股份有限公司'];
const CJK_FORMS = [...new Set([...generated.cjk, ...EXTRA_CJK])].sort((a, b) => b.length - a.length);

/**
 * Words that, alone or together, do not name a company: a remainder made only of these
 * ("American International", "Southern", "News") keeps its legal form or group word.
 */
const GENERIC = new Set(
  (
    'the of and & a an american america national international united general first global public federal standard ' +
    'universal union financial capital services service energy holding holdings group company companies corp ' +
    'corporation news southern northern eastern western central pacific atlantic enterprise enterprises industries ' +
    'industrial systems technologies technology resources partners investment investments management trust bank ' +
    'insurance properties realty health healthcare communications media entertainment solutions products brands ' +
    'foods markets china chinese us usa new'
  ).split(' '),
);

const HOLDING_RE = /[\s,]+Holdings?$/;
const GROUP_RE = /[\s,]+Group$/;
const CJK_STEPS = ['控股', '集团', '集團'];
const CJK_RE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Matcher {
  form: string;
  re: RegExp;
}

let latinMatchers: Matcher[] | undefined;
function matchers(): Matcher[] {
  if (!latinMatchers) {
    const forms = [...new Set([...generated.latin, ...EXTRA_LATIN])].sort((a, b) => b.length - a.length);
    latinMatchers = forms.map((form) => {
      const letters = form.replace(/[^\p{L}]/gu, '').length;
      // Short undotted forms ("AG", "SA", "Co") only in their listed letter case.
      const insensitive = form.includes('.') || letters >= 4;
      return { form, re: new RegExp(`(?:^|[\\s,]+)${escapeRe(form)}$`, insensitive ? 'iu' : 'u') };
    });
  }
  return latinMatchers;
}

function letterCount(s: string): number {
  return s.replace(/[^\p{L}\p{N}]/gu, '').length;
}

/** True when a candidate short name is still a name: ≥ 2 letters and not only generic words. */
export function isDistinctive(name: string): boolean {
  if (letterCount(name) < 2) return false;
  if (CJK_RE.test(name)) return name.length >= 2;
  const words = name
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  return words.some((w) => !GENERIC.has(w));
}

function tidy(s: string): string {
  return s
    .replace(/[\s,&-]+$/u, '')
    .replace(/\s+and$/i, '')
    .trim();
}

/** "Coca-Cola Company (The)" → "The Coca-Cola Company" (the S&P list's sort-order style). */
export function unInvertArticle(name: string): string {
  const m = /^(.+?),?\s+\((The)\)$/i.exec(name.trim());
  return m ? `The ${m[1]}` : name.trim();
}

function stripOnce(s: string): string | undefined {
  for (const { re } of matchers()) {
    const m = re.exec(s);
    if (m) {
      const rest = tidy(s.slice(0, m.index));
      if (rest && isDistinctive(rest)) return rest;
      return undefined;
    }
  }
  // CJK forms are written without a space: 阿里巴巴集团控股有限公司.
  for (const form of CJK_FORMS)
    if (s.endsWith(form)) {
      const rest = s.slice(0, -form.length).trim();
      return rest.length >= 2 ? rest : undefined;
    }
  return undefined;
}

/**
 * Removes trailing legal forms, repeatedly ("Foo Co., Ltd." → "Foo"), as long as what is left
 * is still a distinctive name of at least two letters; otherwise returns the name unchanged
 * ("Southern Company", "News Corp" keep theirs).
 */
export function stripLegalSuffix(name: string): string {
  let s = unInvertArticle(name).replace(/\s+/g, ' ');
  for (let i = 0; i < 5; i++) {
    const next = stripOnce(s);
    if (next === undefined || next === s) break;
    s = next;
  }
  return s;
}

/**
 * The shorter names a company is called by, from its full or legal name: without the legal
 * form, then without a trailing "Holding(s)", then without a trailing "Group", each step only
 * while the remainder stays distinctive; and each of those without a leading "The". The
 * input itself is not returned.
 */
export function companyAliases(name: string): string[] {
  const full = unInvertArticle(name).replace(/\s+/g, ' ');
  const out: string[] = [];
  const push = (s: string) => {
    if (s && s !== full && !out.includes(s)) out.push(s);
  };
  // "The Coca-Cola Company": nobody writes "The Coca-Cola", only "Coca-Cola".
  const articleBelongsToForm = /^The\s.+\s(Company|Corporation)$/i.test(full);
  const variants: string[] = [];
  let cur = stripLegalSuffix(full);
  variants.push(cur);
  for (let i = 0; i < 3; i++) {
    let next: string | undefined;
    for (const re of [HOLDING_RE, GROUP_RE]) {
      const m = re.exec(cur);
      if (m) {
        const rest = tidy(cur.slice(0, m.index));
        if (isDistinctive(rest)) next = rest;
        break;
      }
    }
    if (!next)
      for (const step of CJK_STEPS)
        if (CJK_RE.test(cur) && cur.endsWith(step) && cur.length - step.length >= 2) {
          next = cur.slice(0, -step.length);
          break;
        }
    if (!next) break;
    // "Foo Holdings Limited" may leave a legal form again once "Holdings" is gone.
    cur = stripLegalSuffix(next);
    variants.push(next, cur);
  }
  for (const v of variants) {
    const m = /^The\s+(.+)$/.exec(v);
    if (m?.[1] && v !== full) {
      if (!articleBelongsToForm) push(v);
      if (isDistinctive(m[1])) push(m[1]);
    } else push(v);
  }
  const m = /^The\s+(.+)$/.exec(full);
  if (m?.[1] && variants[0] === full && isDistinctive(m[1])) push(m[1]);
  return out;
}
