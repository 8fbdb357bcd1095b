/**
 * `npm run dataset:check` validates every dataset file and exits non-zero naming each problem.
 * `npm run dataset:stats [-- --json]` prints coverage figures.
 */
import { expandAliases } from '../lib/dataset/aliases';
import { defaultExpandOptions, loadDataset } from '../lib/dataset/load';
import { DatasetError } from '../lib/dataset/validate';

const [cmd = 'check', ...rest] = process.argv.slice(2);

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
    console.log(`dataset OK: ${ds.records.length} records in ${ds.files.length} files`);
    return 0;
  }
  if (cmd === 'stats') {
    const opts = defaultExpandOptions();
    const byType = { regulator: 0, firm: 0, official: 0 };
    const jurisdictions = new Map<string, number>();
    let aliases = 0;
    let withSources = 0;
    let withAsOf = 0;
    let withNativeName = 0;
    for (const r of ds.records) {
      byType[r.type]++;
      jurisdictions.set(r.jurisdiction, (jurisdictions.get(r.jurisdiction) ?? 0) + 1);
      aliases += expandAliases(r, opts).length;
      if (r.sources.length) withSources++;
      if (r.asOf) withAsOf++;
      if (r.nativeNames?.length) withNativeName++;
    }
    const regulatorJurisdictions = new Set(ds.records.filter((r) => r.type === 'regulator').map((r) => r.jurisdiction))
      .size;
    const stats = {
      entities: ds.records.length,
      byType,
      jurisdictions: jurisdictions.size,
      regulatorJurisdictions,
      aliases,
      withSources,
      withAsOf,
      withNativeName,
      files: ds.files.length,
    };
    if (rest.includes('--json')) console.log(JSON.stringify(stats));
    else {
      for (const [k, v] of Object.entries(stats))
        console.log(`${k.padEnd(24)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
      console.log(
        'by jurisdiction'.padEnd(24),
        [...jurisdictions]
          .sort((a, b) => b[1] - a[1])
          .map(([j, n]) => `${j}:${n}`)
          .join(' '),
      );
    }
    return 0;
  }
  console.error(`unknown command "${cmd}": use check or stats`);
  return 2;
}

process.exitCode = main();
