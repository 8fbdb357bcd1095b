/**
 * The evidence the resolver weighs, one named rule each, and the vetoes that overrule it. A
 * candidate is accepted with the strongest evidence any rule gives it, unless a veto applies; the
 * rule that decided is kept with the mention, so the card can say why a name was marked. A new
 * kind of evidence is one new entry here. Pure.
 */
import { foldString, isWordUnit } from './fold';
import { ALIAS_AMBIGUOUS, ALIAS_CJK, ALIAS_PREFERRED, ALIAS_SHORT, ALIAS_TICKER } from './flags';
import { CATEGORIES, type IndexMeta } from './index-format';

/**
 * What resolution reads of an index: per entity its category, name, cues, relations and
 * jurisdiction, and the page-wide lists. The bundled index, or the bundled index joined with the
 * reader's own entities (custom-layer.ts).
 */
export interface ResolveIndex {
  entityCategory: ArrayLike<number>;
  meta: Pick<IndexMeta, 'names' | 'cues' | 'related' | 'bySurname' | 'givenNames' | 'jurisdictions'>;
}
import type { Candidate } from './scan';

/** Why a name was marked, in the reader's words (the card shows it). The order is the wire format. */
export const RULE_TEXT = {
  named: 'Its name is written here in full (or an unambiguous alias).',
  'named-on-page': 'Named in full elsewhere on this page.',
  'most-recent-named': 'The body of that name mentioned most recently on this page.',
  'beside-tied': 'Written beside someone tied to it.',
  'related-on-page': 'A body or person tied to it is named on this page.',
  'listed-with-named': 'Listed among others of its kind named on this page.',
  'market-move': 'Named with its shares or a market move.',
  'context-cue': 'Words near it point to it.',
  'known-by-surname': 'A leader the press names by surname alone.',
  'best-known-namesake': 'The best known of several bodies with this abbreviation, on a page about its field.',
  'accepted-on-page': 'The same name was recognised earlier on this page.',
  'after-tied': 'Its short name, after someone tied to it was named beside it.',
  'defined-acronym': 'An abbreviation this page defines for it.',
  'ticker-context': 'Its ticker, written as a ticker.',
  'descriptive-reference': 'A description that fits only it on this page ("Germany\'s financial regulator").',
  'short-reference': 'A short reference to a body named earlier on this page.',
  'title-after-name': 'A family name with a title after it (植田総裁), of someone tied to this page.',
} as const;
export type RuleId = keyof typeof RULE_TEXT;
export const RULE_IDS = Object.keys(RULE_TEXT) as RuleId[];
export const ruleIndex = (id: RuleId): number => RULE_IDS.indexOf(id);

export const WEAK = ALIAS_AMBIGUOUS | ALIAS_SHORT;
const OFFICIAL = CATEGORIES.indexOf('official');
const FIRM = CATEGORIES.indexOf('firm');
const REGULATOR = CATEGORIES.indexOf('regulator');

/**
 * What stands between two items of a list: "A, B", "A, and B", "A and B", "A or B", "A & B";
 * in Chinese, Japanese and Korean also 、 · ㆍ and 와/과, 및 ("농심, 오뚜기와 대상").
 */
const LIST_GAP =
  /^(?:(?:['’]s)?(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?|\s*[、，·ㆍ]\s*|(?:와|과)\s+|\s+및\s+)$/;
/** The capitalised word after a list gap (group 1: the gap), and the one before. */
const LIST_NEXT = /^((?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+))\p{Lu}\p{Ll}/u;
const LIST_PREV = /\p{Lu}\p{Ll}+(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)$/u;
/** Beside: at most two words between, in the same phrase ("Treasury Secretary Scott Bessent"). */
const BESIDE = /^(?:['’]s)?\s*(?:[\p{L}-]+\s+){0,2}$/u;
/** How far from an ambiguous name its context cues are looked for. */
const CUE_WINDOW = 400;
/** Words after a firm's name that make it a quoted company: its shares, or a move in per cent. */
const MARKET_AFTER =
  /^(?:['’]s)?\s+(?:(?:shares|stock)\b|(?:rose|fell|gained|lost|slipped|jumped|dropped|climbed|tumbled|surged|sank|rallied|slumped|edged (?:up|down|higher|lower))\s+(?:by\s+)?\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b))/;
const MARKET_BEFORE = /\b(?:[Ss]hares|[Ss]tock) (?:of|in) $/;
/** The same in Korean: "대상 주가", "대상의 주식", "대상 시가총액". */
const MARKET_AFTER_KO = /^(?:의)?\s*(?:주가|주식|시가총액|시총)/;
/** Words of regulation and business news: near a shared abbreviation they say which kind of page this is. */
const FIELD_WORDS =
  /\b(?:regulat|commission|fine[sd]?\b|penalt|charge[sd]?\b|enforcement|rules?\b|filings?\b|settle|investigat|securities|markets?\b|banks?\b|banking|authorit|agenc|minist|court|complian|sanction|probe|antitrust|merger|shares|stock|investor|company|companies|firms?\b|policy|supervis|licen[cs])/i;

/** Words that may stand before a surname without making it part of another name ("Chair Powell"). */
export const TITLES = new Set(
  (
    'President Vice Chair Chairman Chairwoman Chairperson Governor Deputy Commissioner Secretary Minister ' +
    'Premier Senator Sen Rep Representative Congressman Congresswoman Mr Mrs Ms Miss Dr Prof Professor Director ' +
    'Judge Justice Prime Chancellor King Queen Prince Princess General Ambassador Mayor Speaker Leader Chief ' +
    'Administrator Comptroller Attorney Treasurer Governor-General Envoy Spokesperson Spokesman Spokeswoman ' +
    'Vice-Premier Councillor Councilor Commissioner-designate Nominee Sir Dame Lord Lady Baroness Baron ' +
    'Inspector Regulator Officer Executive Founder CEO CFO Boss Mr. Mrs. Ms. Dr. Sen. Rep. Gov. Gen. Pres.'
  ).split(' '),
);

/**
 * Chinese place and level words, in either script: a body's name right after one is a local
 * office, another body (福建省网信办), or several of them (省级网信办, 省市两级网信办).
 */
const CJK_PLACE_BEFORE = /(?:省|市|自治[区區]|[区區]|[县縣]|州|盟|旗|地方|各地|[属屬]地|[级級])$/;
/** Words glued after a platform's name that make a product, account or feature of it (网易财经, 淘宝直播间). */
const CJK_PRODUCT_AFTER =
  /^(?:[财財][经經]|新[闻聞]|[视視][频頻]|音[乐樂]|地[图圖]|支付|直播|店[铺鋪]|小程序|客[户戶]端|[账帳][号號]|[热熱]搜|App|APP|app)/;
/** A quoted name that a list of apps follows (“某某”等多款应用程序): an app, not the firm. */
const CJK_APP_AFTER = /^[”」』"]\s*(?:等[^。，,；;]{0,6}?)?(?:[应應]用|App|APP|app|客[户戶]端|小程序)/;
/** The last character of an organisation's name: a platform's name glued after one is that body's account (某某日报微博). */
const CJK_ORG_END_BEFORE = /[报報台社局办辦厅廳院委部署馆館站团團府]$/;
/** A body's building, not the body (日銀本店). */
const CJK_BUILDING_AFTER = /^(?:本店|本館|本部ビル|庁舎|ビル|大楼|大樓)/;
const HANGUL = /[\uac00-\ud7af]/;
/** A country's name written together with a body's (중국증감회, 미국연준): the body is still meant. */
const KO_COUNTRY_BEFORE =
  /(?:중국|한국|미국|일본|영국|독일|프랑스|홍콩|대만|유럽|러시아|인도|호주|캐나다|싱가포르|스위스|브라질)$/;
/**
 * A title written after a Chinese, Japanese or Korean name (植田総裁, 植田氏, 黒田前日銀総裁,
 * 吴主席, 이 원장): after a family name it says a person is meant, and which. Up to four kanji
 * or katakana may stand between (a body's short name, 前 "former"); 氏, さん and 씨 only right
 * after the name.
 */
const CJK_TITLE_AFTER = new RegExp(
  '^(?:\\s?(?:氏|さん|씨)|\\s?[\\p{Script=Han}\\p{Script=Katakana}]{0,4}?(?:' +
    [
      // Japanese
      '副?総裁|首相|総理|長官|大臣|相|知事|議長|委員長|幹事長|議員|審議委員|理事|政権|内閣|代表',
      // Chinese, both scripts
      '副?主席|[总總]理|行[长長]|局[长長]|部[长長]|[书書][记記]|委[员員]|主任|署[长長]|[总總][统統]|院[长長]|[会會][长長]|省[长長]|市[长長]',
      // Korean
      '위원장|원장|총재|장관|대통령|총리|의원|대표|청장|처장|차관|지사',
    ].join('|') +
    '))',
  'u',
);

/** Where a ticker stands for its firm: "$ECL", "NYSE: ECL", "(Nasdaq: QTWO", "ticker ECL". */
const TICKER_BEFORE =
  /(?:\$|\b(?:NYSE(?: American| Arca)?|NASDAQ|Nasdaq|AMEX|TSX|LSE|HKEX|SGX|ASX|NSE|BSE|OTC|ticker|symbol)\s*[:：]?\s*)$/;
/** Words that, after a firm's one-word name, make a product of it ("Google Play", "Apple Pay"). */
const PRODUCT_AFTER =
  /^\s+(?:Play|Pay|Wallet|Maps|Prime|Store|Drive|Docs|Photos|Music|TV|Watch|Books|Assistant|Shopping|Chrome|Search|Translate|Lens|Home|Video|Messenger|Ads|AdSense|AdWords|Analytics|Workspace|Meet|Teams|Office)\b/;

export type BlockSlice = (block: number, from: number, to: number) => string;

export type PageCandidate = Candidate;

function containsWord(haystack: string, word: string): boolean {
  if (!word) return false;
  for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + 1)) {
    const before = at === 0 ? 0x20 : haystack.charCodeAt(at - 1);
    const after = at + word.length >= haystack.length ? 0x20 : haystack.charCodeAt(at + word.length);
    const edgeStart = isWordUnit(word.charCodeAt(0));
    const edgeEnd = isWordUnit(word.charCodeAt(word.length - 1));
    if ((!edgeStart || !isWordUnit(before)) && (!edgeEnd || !isWordUnit(after))) return true;
  }
  return false;
}

/**
 * What the rules read of a page: its candidates in page order, the names given outright and
 * where, and the text around any candidate.
 */
export class PageEvidence {
  readonly strong = new Set<number>();
  private readonly strongAt = new Map<number, number[]>();
  /** Names given outright, in page order. */
  readonly named: PageCandidate[];
  private readonly bySurname: Set<number>;
  private readonly givenNames: Set<string>;

  constructor(
    readonly index: ResolveIndex,
    /** Sorted by block, start, end. */
    readonly cands: readonly PageCandidate[],
    readonly slice: BlockSlice,
    /** How many blocks the page has, when known (for cues in the blocks around a name). */
    readonly blockCount?: number,
  ) {
    for (const c of cands)
      if (!(c.flags & WEAK)) {
        this.strong.add(c.entity);
        const list = this.strongAt.get(c.entity);
        if (list) list.push(this.pos(c));
        else this.strongAt.set(c.entity, [this.pos(c)]);
      }
    this.named = cands.filter((c) => !(c.flags & WEAK));
    this.bySurname = new Set(index.meta.bySurname ?? []);
    this.givenNames = new Set(index.meta.givenNames ?? []);
  }

  pos(c: { block: number; start: number }): number {
    return c.block * 0x4000_0000 + c.start;
  }

  category(entity: number): number {
    return this.index.entityCategory[entity]!;
  }

  /** Where the entity was last named outright before page position `at`, or -1. */
  lastStrongBefore(entity: number, at: number): number {
    const list = this.strongAt.get(entity);
    if (!list || list[0]! >= at) return -1;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]! < at) lo = mid;
      else hi = mid - 1;
    }
    return list[lo]!;
  }

  /** Index of the first of `list` (in page order) at or after page position `at`. */
  firstAtOrAfter(list: readonly PageCandidate[], at: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pos(list[mid]!) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  before(c: PageCandidate, n: number): string {
    return this.slice(c.block, c.start - n, c.start);
  }

  after(c: PageCandidate, n: number): string {
    return this.slice(c.block, c.end, c.end + n);
  }

  /** An ambiguous name listed among names given outright of its kind ("Amazon, ByteDance and Booking"). */
  listedWithNamed(c: PageCandidate): boolean {
    const category = this.category(c.entity);
    const lo = this.firstAtOrAfter(this.named, this.pos(c));
    for (let k = lo - 1; k >= 0 && k >= lo - 3; k--) {
      const b = this.named[k]!;
      if (b.block !== c.block || b.end > c.start) continue;
      if (this.category(b.entity) === category && LIST_GAP.test(this.slice(c.block, b.end, c.start))) return true;
      break;
    }
    for (let k = lo; k < this.named.length && k < lo + 3; k++) {
      const a = this.named[k]!;
      if (a.block !== c.block || a.start < c.end) continue;
      if (this.category(a.entity) === category && LIST_GAP.test(this.slice(c.block, c.end, a.start))) return true;
      break;
    }
    return false;
  }

  /** A capitalised word right beside c in a list, that no candidate covers ("Pear" in "Apple, Pear and Plum"). */
  listedWithUnnamed(c: PageCandidate): boolean {
    const covered = (block: number, at: number): boolean => {
      for (
        let k = this.firstAtOrAfter(this.cands, this.pos({ block, start: at - 256 }));
        k < this.cands.length && this.pos(this.cands[k]!) <= this.pos({ block, start: at });
        k++
      )
        if (this.cands[k]!.block === block && this.cands[k]!.end > at) return true;
      return false;
    };
    const next = LIST_NEXT.exec(this.after(c, 40));
    if (next && !covered(c.block, c.end + next[1]!.length)) return true;
    const prev = LIST_PREV.exec(this.before(c, 40));
    return !!prev && !covered(c.block, c.start - prev[0].length);
  }

  inMarketMove(c: PageCandidate): boolean {
    const after = this.after(c, 40);
    return MARKET_AFTER.test(after) || MARKET_AFTER_KO.test(after) || MARKET_BEFORE.test(this.before(c, 20));
  }

  /** Someone or something tied to it, named outright beside it ("Treasury Secretary Scott Bessent"). */
  besideRelated(c: PageCandidate): boolean {
    const related = this.index.meta.related[c.entity];
    if (!related?.length) return false;
    const lo = this.firstAtOrAfter(this.named, this.pos(c));
    for (let k = Math.max(0, lo - 3); k < Math.min(this.named.length, lo + 3); k++) {
      const o = this.named[k]!;
      if (o.block !== c.block || !related.includes(o.entity)) continue;
      const gap =
        o.start >= c.end
          ? this.slice(c.block, c.end, o.start)
          : o.end <= c.start
            ? this.slice(c.block, o.end, c.start)
            : '';
      if (gap && BESIDE.test(gap)) return true;
    }
    return false;
  }

  relatedOnPage(c: PageCandidate): boolean {
    const related = this.index.meta.related[c.entity];
    if (related) for (const r of related) if (this.strong.has(r)) return true;
    return false;
  }

  cueNear(c: PageCandidate): boolean {
    return this.cueIn(c.entity, this.slice(c.block, c.start - CUE_WINDOW, c.end + CUE_WINDOW));
  }

  /**
   * A cue of c's entity in c's block or the `blocks` blocks either side of it: a line that is a
   * list item or a headline is placed by the lines around it.
   */
  cueAround(c: PageCandidate, blocks: number): boolean {
    if (this.cueNear(c)) return true;
    const parts: string[] = [];
    const last = this.blockCount === undefined ? c.block : Math.min(this.blockCount - 1, c.block + blocks);
    for (let b = Math.max(0, c.block - blocks); b <= last; b++)
      if (b !== c.block) parts.push(this.slice(b, 0, CUE_WINDOW * 4));
    return parts.length > 0 && this.cueIn(c.entity, parts.join('\n'));
  }

  private cueIn(entity: number, raw: string): boolean {
    const cues = this.index.meta.cues[entity];
    if (!cues?.length) return false;
    let lower: string | undefined;
    let cased: string | undefined;
    for (const cue of cues) {
      if (cue.startsWith('=')) {
        cased ??= foldString(raw, true);
        if (containsWord(cased, cue.slice(1))) return true;
      } else {
        lower ??= foldString(raw);
        if (containsWord(lower, cue)) return true;
      }
    }
    return false;
  }

  knownBySurname(entity: number): boolean {
    return this.bySurname.has(entity);
  }

  /** The capitalised word right before c, if any ("President" in "President Macron"). */
  wordBefore(c: PageCandidate): string | undefined {
    return /([\p{Lu}][\p{L}'’.-]*)\s+$/u.exec(this.before(c, 40))?.[1];
  }

  isGivenName(word: string): boolean {
    return this.givenNames.has(word.toLowerCase());
  }
}

export interface EvidenceRule {
  id: RuleId;
  evidence: number;
  applies(c: PageCandidate, page: PageEvidence): boolean;
}

const isShort = (c: PageCandidate) => !!(c.flags & ALIAS_SHORT);

/** Evidence for a candidate, strongest first; the first rule that applies decides. */
export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  { id: 'named', evidence: 3, applies: (c) => !(c.flags & WEAK) },
  {
    id: 'ticker-context',
    evidence: 3,
    applies: (c, p) => !!(c.flags & ALIAS_TICKER) && TICKER_BEFORE.test(p.before(c, 16)),
  },
  { id: 'named-on-page', evidence: 3, applies: (c, p) => p.strong.has(c.entity) },
  {
    id: 'beside-tied',
    evidence: 2,
    applies: (c, p) => isShort(c) && p.category(c.entity) !== OFFICIAL && p.besideRelated(c),
  },
  { id: 'related-on-page', evidence: 2, applies: (c, p) => !isShort(c) && p.relatedOnPage(c) },
  {
    // 植田総裁, 黒田前日銀総裁: a family name, or a CJK name that is also a word, with a title
    // after it, of someone the page ties in (their body named, or their country near).
    id: 'title-after-name',
    evidence: 2,
    applies: (c, p) =>
      !!(c.flags & ALIAS_CJK) &&
      !!(c.flags & WEAK) &&
      p.category(c.entity) === OFFICIAL &&
      CJK_TITLE_AFTER.test(p.after(c, 12)) &&
      (p.relatedOnPage(c) || p.cueNear(c) || p.knownBySurname(c.entity)),
  },
  { id: 'listed-with-named', evidence: 1, applies: (c, p) => !isShort(c) && p.listedWithNamed(c) },
  {
    id: 'market-move',
    evidence: 1,
    applies: (c, p) => !isShort(c) && p.category(c.entity) === FIRM && p.inMarketMove(c),
  },
  { id: 'context-cue', evidence: 1, applies: (c, p) => !isShort(c) && p.cueNear(c) },
  {
    id: 'best-known-namesake',
    // Weaker than any other evidence: a namesake placed by its own country still wins.
    evidence: 0.5,
    applies: (c, p) => !!(c.flags & ALIAS_PREFERRED) && FIELD_WORDS.test(p.slice(c.block, c.start - 300, c.end + 300)),
  },
  {
    // "Macron said": a leader's surname alone, with a title before it ("President Trump"), or
    // on a page that places it — a body tied to the leader named, or the country near it. A
    // surname that is also an ordinary word needs one of those; others need only not to be part
    // of another name, and never before a number ("May 5").
    id: 'known-by-surname',
    evidence: 1,
    applies: (c, p) => {
      if (!isShort(c) || p.category(c.entity) !== OFFICIAL || !p.knownBySurname(c.entity)) return false;
      // A CJK family name has no capital or space to set it apart (高市 may begin a place's
      // name): a title after it or a page that places the person.
      if (c.flags & ALIAS_CJK) return CJK_TITLE_AFTER.test(p.after(c, 12)) || p.relatedOnPage(c) || p.cueNear(c);
      if (/^\s*\d/.test(p.after(c, 3))) return false;
      const before = p.wordBefore(c);
      if (before && TITLES.has(before)) return true;
      if (before) return false;
      if (p.relatedOnPage(c) || p.cueNear(c)) return true;
      return !(c.flags & ALIAS_AMBIGUOUS);
    },
  },
];

export interface Veto {
  id: string;
  applies(c: PageCandidate, page: PageEvidence): boolean;
}

/** Reasons a candidate is not the entity, whatever the evidence. */
export const VETOES: readonly Veto[] = [
  {
    // "Capitol Hill" is not Travis Hill: a surname right after another capitalised word that is
    // neither a title nor the person's own given name belongs to a different name.
    id: 'surname-in-other-name',
    applies: (c, p) => {
      if (!isShort(c) || p.category(c.entity) !== OFFICIAL) return false;
      const word = /([\p{Lu}][\p{L}'’.-]*)\s+$/u.exec(p.before(c, 40))?.[1];
      if (!word || word.endsWith('.') || TITLES.has(word)) return false;
      return !(p.index.meta.names[c.entity] ?? '').split(/\s+/).includes(word);
    },
  },
  {
    // google.fr, www.youtube.com, x@apple.com: a web address, not the firm.
    id: 'in-web-address',
    applies: (c, p) => {
      // A web address has no spaces: only a one-word name can be part of one.
      if (c.flags & ALIAS_CJK || /\s/.test(p.slice(c.block, c.start, c.end))) return false;
      const before = p.before(c, 8);
      const after = p.after(c, 6);
      return /(?:[\w-]\.|:\/\/|@|\/)$/.test(before) || /^\.[a-z]{2,}/.test(after) || /^@/.test(after);
    },
  },
  {
    // A ticker alone ("ECL") means the firm only where a ticker is written ("$ECL", "NYSE: ECL"),
    // or where the firm itself is named on the page.
    id: 'ticker-out-of-context',
    applies: (c, p) => !!(c.flags & ALIAS_TICKER) && !TICKER_BEFORE.test(p.before(c, 16)) && !p.strong.has(c.entity),
  },
  {
    // "Google Play", "Apple Pay", 网易财经, 淘宝直播间, “某某”等多款应用: a product, app or
    // account named after the firm is not the firm.
    id: 'product-name',
    applies: (c, p) => {
      if (p.category(c.entity) !== FIRM) return false;
      if (c.flags & ALIAS_CJK) {
        const after = p.after(c, 16);
        return CJK_PRODUCT_AFTER.test(after) || CJK_APP_AFTER.test(after);
      }
      return !/\s/.test(p.slice(c.block, c.start, c.end)) && PRODUCT_AFTER.test(p.after(c, 16));
    },
  },
  {
    // 某某日报微博, 某某电视台微信: a platform's name glued after another organisation's name is
    // that organisation's account on it.
    id: 'account-of-another',
    applies: (c, p) =>
      !!(c.flags & ALIAS_CJK) && p.category(c.entity) === FIRM && CJK_ORG_END_BEFORE.test(p.before(c, 1)),
  },
  {
    // 日銀本店: the body's building, not the body.
    id: 'building',
    applies: (c, p) => !!(c.flags & ALIAS_CJK) && CJK_BUILDING_AFTER.test(p.after(c, 6)),
  },
  {
    // "Michael Dell", "Frank Schaeffler": a one-word firm or body name right after a common given
    // name is a person's surname.
    id: 'surname-of-a-person',
    applies: (c, p) => {
      const cat = p.category(c.entity);
      if ((cat !== FIRM && cat !== REGULATOR) || c.flags & ALIAS_CJK) return false;
      if (/\s/.test(p.slice(c.block, c.start, c.end))) return false;
      const m = /(^|[.!?:]\s+|[\s(“"])([\p{Lu}][\p{Ll}]+)\s+$/u.exec(p.before(c, 30));
      // At a sentence's start the word may be something else ("Will Amazon …").
      if (!m || m[1] === '' || /[.!?:]/.test(m[1]!)) return false;
      return p.isGivenName(m[2]!);
    },
  },
  {
    // "Marcus Ford": a firm whose one-word name is also a given name, right before a capitalised
    // word, is a person.
    id: 'given-name-of-a-person',
    applies: (c, p) => {
      if (p.category(c.entity) !== FIRM || c.flags & ALIAS_CJK) return false;
      const text = p.slice(c.block, c.start, c.end);
      return !/\s/.test(text) && p.isGivenName(text) && /^\s+\p{Lu}\p{Ll}/u.test(p.after(c, 4));
    },
  },
  {
    // Korean writes words apart and particles after them: a name inside a longer word (한은 in
    // 신한은행) is not that name — unless what is glued before it is a country's name, as Korean
    // writes foreign bodies (중국증감회, 중국인민은행 with 인민은행).
    id: 'inside-a-korean-word',
    applies: (c, p) => {
      const text = p.slice(c.block, c.start, c.start + 1);
      return HANGUL.test(text) && HANGUL.test(p.before(c, 1)) && !KO_COUNTRY_BEFORE.test(p.before(c, 5));
    },
  },
  {
    // 福建省网信办 is Fujian's own office, not the national one.
    id: 'local-office',
    applies: (c, p) =>
      !!(c.flags & ALIAS_CJK) && p.category(c.entity) === REGULATOR && CJK_PLACE_BEFORE.test(p.before(c, 3)),
  },
];

/** Nouns that end a body's name and stand for it later, capitalised, after "the" ("the Department"). */
export const HEAD_NOUNS = new Set(
  (
    'Department Commission Authority Court Tribunal Bureau Board Agency Ministry Office Council Administration ' +
    'Committee Inspectorate Directorate Parliament Senate Assembly Regulator Service Secretariat Ombudsman'
  ).split(' '),
);

/** Country adjectives and names as the press writes them → jurisdiction codes. */
export const PLACES: Record<string, string> = {
  Irish: 'IE',
  Ireland: 'IE',
  German: 'DE',
  Germany: 'DE',
  French: 'FR',
  France: 'FR',
  British: 'GB',
  Britain: 'GB',
  UK: 'GB',
  'United Kingdom': 'GB',
  American: 'US',
  US: 'US',
  'U.S.': 'US',
  'United States': 'US',
  America: 'US',
  Chinese: 'CN',
  China: 'CN',
  Japanese: 'JP',
  Japan: 'JP',
  Korean: 'KR',
  'South Korean': 'KR',
  Korea: 'KR',
  'South Korea': 'KR',
  Indian: 'IN',
  India: 'IN',
  Australian: 'AU',
  Australia: 'AU',
  Canadian: 'CA',
  Canada: 'CA',
  Brazilian: 'BR',
  Brazil: 'BR',
  Singaporean: 'SG',
  Singapore: 'SG',
  'Hong Kong': 'HK',
  Dutch: 'NL',
  Netherlands: 'NL',
  Italian: 'IT',
  Italy: 'IT',
  Spanish: 'ES',
  Spain: 'ES',
  Swiss: 'CH',
  Switzerland: 'CH',
  Swedish: 'SE',
  Sweden: 'SE',
  Norwegian: 'NO',
  Norway: 'NO',
  Danish: 'DK',
  Denmark: 'DK',
  Finnish: 'FI',
  Finland: 'FI',
  Belgian: 'BE',
  Belgium: 'BE',
  Austrian: 'AT',
  Austria: 'AT',
  Polish: 'PL',
  Poland: 'PL',
  Russian: 'RU',
  Russia: 'RU',
  Turkish: 'TR',
  Turkey: 'TR',
  Mexican: 'MX',
  Mexico: 'MX',
  Argentine: 'AR',
  Argentina: 'AR',
  'South African': 'ZA',
  'South Africa': 'ZA',
  Saudi: 'SA',
  European: 'EU',
  Europe: 'EU',
  EU: 'EU',
};

/** "Germany's top financial regulator", "the Irish watchdog", "the French DPA". */
export const DESCRIPTIVE = new RegExp(
  `\\b(${Object.keys(PLACES)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/\./g, '\\.'))
    .join(
      '|',
    )})(?:['’]s)?\\s+(?:(?:top|main|chief|national|federal|financial|banking|securities|markets?|data[- ]protection|privacy|competition|antitrust|telecoms?|communications|energy|insurance|cyber(?:security)?|internet|media|consumer|audit|prudential|overarching|oversight)\\s+){0,3}(?:regulator|watchdog|supervisor|authority|DPA)\\b`,
  'g',
);
