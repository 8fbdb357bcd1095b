/**
 * `npm run dataset:check` validates every dataset file and exits non-zero naming each problem;
 * it also prints warnings that do not fail it (likely duplicates that were not merged, short
 * acronyms that are also another firm's ticker and are not flagged).
 * `npm run dataset:stats [-- --json]` prints coverage figures.
 * `npm run dataset:stale` lists open roles whose sources are more than 12 months old and
 * records whose asOf is older than their newest dated source (always exits 0).
 */
import { ALIAS_ACRONYM, ALIAS_AMBIGUOUS, ALIAS_SHORT, expandAliases } from '../lib/dataset/aliases';
import { defaultExpandOptions, loadDataset } from '../lib/dataset/load';
import { likelyDuplicates } from '../lib/dataset/merge';
import type { EntityRecord } from '../lib/dataset/schema';
import { datasetStats, staleReport } from '../lib/dataset/stats';
import { DatasetError } from '../lib/dataset/validate';

const [cmd = 'check', ...rest] = process.argv.slice(2);
const today = process.env.DRAMATIS_TODAY ?? new Date().toISOString().slice(0, 10);
const SHOWN = 25;

function list(title: string, lines: string[]): void {
  if (!lines.length) return;
  console.warn(`warning: ${lines.length} ${title}:`);
  for (const l of lines.slice(0, SHOWN)) console.warn(`  ${l}`);
  if (lines.length > SHOWN) console.warn(`  … and ${lines.length - SHOWN} more`);
}

/** Acronyms of ≤ 3 letters that are another firm's ticker in the dataset and carry no flag. */
function tickerAcronyms(records: readonly EntityRecord[]): string[] {
  const tickers = new Map<string, string>();
  for (const r of records)
    for (const t of r.firm?.tickers ?? []) if (!tickers.has(t.symbol)) tickers.set(t.symbol, r.id);
  const opts = defaultExpandOptions();
  const out: string[] = [];
  for (const r of records)
    for (const a of expandAliases(r, opts)) {
      if (!(a.flags & ALIAS_ACRONYM) || a.flags & (ALIAS_AMBIGUOUS | ALIAS_SHORT)) continue;
      if (a.text.replace(/[^A-Za-z]/g, '').length > 3) continue;
      const owner = tickers.get(a.text);
      if (owner && owner !== r.id && !r.firm?.tickers?.some((t) => t.symbol === a.text))
        out.push(`${r.id}: "${a.text}" is also the ticker of ${owner}; flag it ambiguous`);
    }
  return out;
}

function main(): number {
  let ds;
  try {
    ds = loadDataset();
  } catch (err) {
    if (err instanceof DatasetError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  if (cmd === 'check') {
    list(
      'likely duplicates not merged (same type, jurisdiction and name; namesakes are expected)',
      likelyDuplicates(ds.records).map((ids) => ids.join(', ')),
    );
    list('short acronyms that are also tickers', tickerAcronyms(ds.records));
    console.log(`dataset OK: ${ds.records.length} records in ${ds.files.length} files`);
    return 0;
  }
  if (cmd === 'stats') {
    const { byJurisdiction, ...stats } = datasetStats(ds.records, defaultExpandOptions(), today);
    const out = { ...stats, files: ds.files.length };
    if (rest.includes('--json')) console.log(JSON.stringify(out));
    else {
      for (const [k, v] of Object.entries(out))
        console.log(`${k.padEnd(24)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
      console.log(
        'by jurisdiction'.padEnd(24),
        Object.entries(byJurisdiction)
          .map(([j, n]) => `${j}:${n}`)
          .join(' '),
      );
    }
    return 0;
  }
  if (cmd === 'stale') {
    const report = staleReport(ds.records, today);
    console.log(`today ${today}; sources older than ${report.cutoff} count as old`);
    console.log(`open-ended roles with only old sources: ${report.openRoles.length}`);
    for (const r of report.openRoles) console.log(`  ${r.id}: "${r.title}" (newest source ${r.newestSource})`);
    console.log(`records whose asOf is older than their newest dated source: ${report.behindSources.length}`);
    for (const r of report.behindSources) console.log(`  ${r.id}: asOf ${r.asOf}, newest source ${r.newestSource}`);
    return 0;
  }
  console.error(`unknown command "${cmd}": use check, stats or stale`);
  return 2;
}

process.exitCode = main();
