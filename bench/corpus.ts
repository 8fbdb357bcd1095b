/**
 * Deterministic inputs for the benchmark: news-like text (English sentences from a word list
 * with dataset names inserted at a realistic rate, some Chinese paragraphs), a synthetic
 * 100,000-alias index, and a large HTML page. Same seed → same bytes, on every machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALIAS_ACRONYM, ALIAS_CASE_SENSITIVE, ALIAS_CJK, isCjk } from '../lib/dataset/aliases';
import type { AliasEntry, EntityInfo } from '../lib/match/build';

/** The repository root (found by walking up, so a bundled copy of this file works too). */
export const ROOT = (() => {
  let d = import.meta.dirname;
  while (!existsSync(join(d, 'node_modules', 'word-list')) && dirname(d) !== d) d = dirname(d);
  return d;
})();

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// Frequent English words: real news text is mostly these, and they share prefixes with names
// ("the", "of", "China"), which is what makes the automaton leave its root state.
const COMMON = `the of and to a in for is on that by with as at from its it was be has have are said will
not but this which an or after over new more than market year years company companies government regulators
regulator officials official rules rule data people billion million percent shares investors banks bank
financial china chinese united states european union trade tech technology platform platforms internet online
security national commission ministry department agency federal state court law laws policy policies week month
last first second third also could would should may might their they them he she his her we our us about into
between against under since while during before because where when what who how report reported according
statement announced investigation probe fine fined antitrust competition review approval listing stock exchange
public private capital growth economy economic price prices consumer consumers users apps app mobile cloud
services service business businesses industry industries sector global world international foreign domestic
chief executive officer chairman president minister director spokesperson analysts analyst quarter revenue
profit losses deal deals merger acquisition talks meeting meetings week monday tuesday wednesday thursday friday
beijing shanghai hong kong washington london brussels tokyo new york reuters told asked declined comment`
  .split(/\s+/)
  .filter(Boolean);

const CHINESE = `据 消息 报道 表示 监管 部门 公司 平台 市场 数据 安全 网络 互联网 发布 通知 要求 企业 相关 进行 调查
今年 去年 经济 金融 政策 规定 管理 工作 发展 国家 政府 官员 会议 周一 周二 周三 周四 周五 北京 上海 香港 深圳 此前
投资者 股价 上市 审查 罚款 反垄断 竞争 消费者 用户 应用 科技 行业 增长 收入 利润 季度 宣布 声明 记者 指出 认为 称
的 了 在 是 和 与 对 将 已 也 并 等 中 上 下 为 由 被 向 从`
  .split(/\s+/)
  .filter(Boolean);

let wordListCache: string[] | undefined;
function wordList(): string[] {
  wordListCache ??= readFileSync(join(ROOT, 'node_modules', 'word-list', 'words.txt'), 'utf8')
    .split('\n')
    .filter((w) => w.length >= 3 && w.length <= 12);
  return wordListCache;
}

export interface TextOptions {
  /** Target length in UTF-16 code units. */
  units: number;
  seed: number;
  /** Names to insert (alias texts). */
  names: readonly string[];
  /** Mean words between two inserted names (news: one name every ~25–40 words). */
  wordsPerName?: number;
  /** Share of paragraphs written in Chinese. */
  chineseShare?: number;
}

/** Paragraphs of news-like text, each one string (no newlines inside). */
export function newsParagraphs(opts: TextOptions): string[] {
  const r = rng(opts.seed);
  const words = wordList();
  const latinNames = opts.names.filter((n) => !isCjk(n));
  const cjkNames = opts.names.filter((n) => isCjk(n));
  const wordsPerName = opts.wordsPerName ?? 30;
  const chineseShare = opts.chineseShare ?? 0.1;
  const paras: string[] = [];
  let total = 0;
  while (total < opts.units) {
    let p: string;
    if (cjkNames.length && r() < chineseShare) {
      const parts: string[] = [];
      const n = 40 + Math.floor(r() * 80);
      for (let i = 0; i < n; i++) {
        parts.push(r() < 1 / (wordsPerName / 2) ? pick(r, cjkNames) : pick(r, CHINESE));
        if (r() < 0.08) parts.push(r() < 0.5 ? '，' : '。');
      }
      p = parts.join('') + '。';
    } else {
      const sentences: string[] = [];
      const ns = 2 + Math.floor(r() * 4);
      for (let s = 0; s < ns; s++) {
        const parts: string[] = [];
        const n = 8 + Math.floor(r() * 22);
        for (let i = 0; i < n; i++) {
          const x = r();
          if (latinNames.length && x < 1 / wordsPerName) {
            const name = pick(r, latinNames);
            parts.push(r() < 0.1 ? `${name}’s` : name);
          } else parts.push(x < 0.8 ? pick(r, COMMON) : pick(r, words));
          if (r() < 0.06) parts[parts.length - 1] += ',';
        }
        const first = parts[0]!;
        parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
        sentences.push(parts.join(' ') + (r() < 0.1 ? '?' : '.'));
      }
      p = sentences.join(' ');
    }
    paras.push(p);
    total += p.length + 1;
  }
  return paras;
}

const SYL = `ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge go gu ha he hi ho ka ke ki ko
ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve
vi vo za ze zi zo ar er or an en in on al el il ol ex ix ux th sh ch st tr br cr dr gr pr`
  .split(/\s+/)
  .filter(Boolean);
const SUFFIX = ['Holdings', 'Group', 'Capital', 'Bank', 'Technologies', 'Partners', 'Authority', 'Commission', 'Labs'];
const CJK_CHARS =
  '国家市场监督管理总局证券期货银行保险信息产业发展改革委员会中央人民网络安全数据科技集团控股有限公司华新东方南北海天星宇智能汽车能源电力通信交通运输医药健康农业投资基金'.split(
    '',
  );

/**
 * 100,000 (by default) deterministic pseudo-names for the scale test: ~45% invented words
 * ("Tobarin Kelu Holdings"), ~35% English word combinations ("Harbor Signal Capital"),
 * ~12% acronyms (case-sensitive, as the dataset flags them), ~8% Chinese names.
 */
export function syntheticAliases(count = 100_000, seed = 7): { entities: EntityInfo[]; aliases: AliasEntry[] } {
  const r = rng(seed);
  const words = wordList();
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const invented = () => {
    let w = '';
    const n = 2 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) w += pick(r, SYL);
    return cap(w);
  };
  const seen = new Set<string>();
  const aliases: AliasEntry[] = [];
  const entities: EntityInfo[] = [];
  while (aliases.length < count) {
    const x = r();
    let text: string;
    let flags = 0;
    if (x < 0.45) {
      const n = 1 + Math.floor(r() * 3);
      const parts = Array.from({ length: n }, invented);
      if (r() < 0.6) parts.push(pick(r, SUFFIX));
      text = parts.join(' ');
    } else if (x < 0.8) {
      const n = 2 + Math.floor(r() * 2);
      const parts = Array.from({ length: n }, () => cap(r() < 0.5 ? pick(r, COMMON) : pick(r, words)));
      if (r() < 0.7) parts.push(pick(r, SUFFIX));
      text = parts.join(' ');
    } else if (x < 0.92) {
      const n = 3 + Math.floor(r() * 3);
      text = '';
      for (let i = 0; i < n; i++) text += String.fromCharCode(65 + Math.floor(r() * 26));
      flags = ALIAS_ACRONYM | ALIAS_CASE_SENSITIVE;
    } else {
      const n = 3 + Math.floor(r() * 6);
      text = '';
      for (let i = 0; i < n; i++) text += pick(r, CJK_CHARS);
      flags = ALIAS_CJK;
    }
    if (seen.has(text)) continue;
    seen.add(text);
    // About 2.5 aliases per entity, like the dataset.
    if (!entities.length || r() < 0.4) {
      const i = entities.length;
      entities.push({ id: `syn-${i}`, name: text, category: i % 3, cues: [], related: [] });
    }
    aliases.push({ text, entity: entities.length - 1, flags });
  }
  return { entities, aliases };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A long news page: each paragraph is split into 3–8 text nodes by inline <a>, <b>, <em>,
 * <span>, so a page of N paragraphs has ~5N text nodes, and names sometimes span elements.
 */
export function pageHtml(
  paras: readonly string[],
  seed: number,
): { html: string; textNodes: number; textUnits: number } {
  const r = rng(seed);
  const tags = ['a', 'b', 'em', 'span', 'i', 'strong'];
  let textNodes = 0;
  let textUnits = 0;
  const body: string[] = [];
  paras.forEach((p, k) => {
    if (k % 40 === 0) {
      body.push(`<h2>Section ${k / 40 + 1}</h2>`);
      textNodes++;
      textUnits += `Section ${k / 40 + 1}`.length;
    }
    // Cut points at spaces (or anywhere in Chinese text).
    const cuts = new Set<number>();
    const want = 1 + Math.floor(r() * 3);
    for (let i = 0; i < want * 2; i++) cuts.add(Math.floor(r() * p.length));
    const sorted = [...cuts].sort((a, b) => a - b);
    let html = '';
    let at = 0;
    let open: string | undefined;
    for (const c of sorted) {
      if (c <= at) continue;
      html += escapeHtml(p.slice(at, c));
      textNodes++;
      if (open) {
        html += `</${open}>`;
        open = undefined;
      } else {
        open = pick(r, tags);
        html += open === 'a' ? `<a href="#p${k}">` : `<${open}>`;
      }
      at = c;
    }
    html += escapeHtml(p.slice(at));
    textNodes++;
    if (open) html += `</${open}>`;
    textUnits += p.length;
    body.push(`<p>${html}</p>`);
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dramatis bench page</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:20px auto}</style></head>
<body><article>
${body.join('\n')}
</article></body></html>`;
  return { html, textNodes, textUnits };
}

/** The names a typical article mentions (five entities of the bundled dataset, some twice). */
export const ARTICLE_NAMES = ['Nvidia', 'Alibaba Group', 'European Commission', 'Jerome Powell', 'Federal Reserve'];

/**
 * A typical news article page: site header and navigation, headline, byline, ~8 KB of body text
 * in paragraphs with links and emphasis (~200 text nodes in all), a related-links box and a footer.
 * Names ARTICLE_NAMES, each a few times. Deterministic.
 */
export function articleHtml(seed = 3): { html: string; textUnits: number; textNodes: number } {
  const r = rng(seed);
  let textUnits = 0;
  let textNodes = 0;
  const t = (s: string) => {
    textUnits += s.length;
    textNodes++;
    return escapeHtml(s);
  };
  const nav = [
    'World',
    'Business',
    'Markets',
    'Technology',
    'Politics',
    'Opinion',
    'Climate',
    'Science',
    'Sport',
    'Culture',
    'Travel',
    'Video',
  ];
  const paras = newsParagraphs({ units: 7_000, seed, names: ARTICLE_NAMES, wordsPerName: 45, chineseShare: 0 });
  const body = paras.map((p) => {
    // 4–7 inline elements per paragraph, cut at spaces.
    const words = p.split(' ');
    const out: string[] = [];
    let at = 0;
    const cuts = 4 + Math.floor(r() * 4);
    for (let c = 0; c < cuts && at < words.length - 4; c++) {
      const from = at + 2 + Math.floor(r() * 8);
      const to = Math.min(words.length - 1, from + 1 + Math.floor(r() * 3));
      if (from >= to) break;
      out.push(t(words.slice(at, from).join(' ') + ' '));
      const tag = pick(r, ['a', 'em', 'strong', 'a']);
      out.push(`<${tag}${tag === 'a' ? ' href="#"' : ''}>${t(words.slice(from, to).join(' '))}</${tag}>`);
      at = to;
    }
    out.push(t(' ' + words.slice(at).join(' ')));
    return `<p>${out.join('')}</p>`;
  });
  const related = Array.from({ length: 8 }, () =>
    Array.from({ length: 6 + Math.floor(r() * 5) }, () => pick(r, COMMON)).join(' '),
  );
  const footer = [
    'About us',
    'Contact',
    'Careers',
    'Advertise',
    'Privacy',
    'Cookies',
    'Terms of use',
    'Accessibility',
    'Newsletters',
    'Podcasts',
    'Corrections',
    'Site map',
  ];
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dramatis bench article</title>
<style>body{font:18px/1.6 Georgia,serif;margin:0}header,footer{background:#f4f4f4;padding:8px 16px}
nav a,footer a{margin-right:12px}main{max-width:720px;margin:24px auto;padding:0 16px}aside{border-top:1px solid #ccc}</style></head>
<body><header><a href="#">${t('The Daily Ledger')}</a><nav>${nav.map((n) => `<a href="#">${t(n)}</a>`).join('')}</nav>
<form><input placeholder="Search"><button>${t('Search')}</button></form></header>
<main><article><h1>${t('Chip export rules and rate worries weigh on technology shares')}</h1>
<p class="byline">${t('By ')}<a href="#">${t('A. Reporter')}</a>${t(' and ')}<a href="#">${t('B. Writer')}</a></p>
<time datetime="2026-11-30">${t('30 November 2026, 09:14')}</time>
${body.join('\n')}
</article>
<aside><h2>${t('Related')}</h2><ul>${related.map((x) => `<li><a href="#">${t(x)}</a></li>`).join('')}</ul></aside></main>
<footer>${footer.map((f) => `<a href="#">${t(f)}</a>`).join('')}<p>${t('© 2026 The Daily Ledger')}</p></footer>
</body></html>`;
  return { html, textUnits, textNodes };
}

/** An empty page: no text at all. */
export const EMPTY_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title></head><body></body></html>';

/** A tiny same-origin ad document (a box and a label of a few characters, under the 40-char threshold). */
export const AD_HTML =
  '<!doctype html><html><head><style>body{margin:0}div{width:300px;height:250px;background:#ddd}</style></head><body><div></div><small>Ad</small></body></html>';

/**
 * A page with no reading text and `count` ad-like frames: a third about:blank, a third srcdoc,
 * a third tiny same-origin documents (AD_HTML at `adPath`).
 */
export function framesHtml(count: number, adPath: string): string {
  const frames: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % 3;
    const attrs = 'width="300" height="250" style="border:0"';
    if (k === 0) frames.push(`<iframe ${attrs}></iframe>`);
    else if (k === 1)
      frames.push(
        `<iframe ${attrs} srcdoc="<div style='width:300px;height:250px;background:#eee'></div><small>Ad</small>"></iframe>`,
      );
    else frames.push(`<iframe ${attrs} src="${adPath}?${i}"></iframe>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title></title></head><body>${frames.join('\n')}</body></html>`;
}
