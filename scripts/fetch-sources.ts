/**
 * `npm run dataset:sources`: extracts the files the importers read from local git snapshots of
 * public repositories into `.sources/<owner>__<name>/` (ignored by git: other people's data is
 * not committed; the records made from it are). Each source is described in
 * `assets/dataset/sources/<owner>__<name>/extract.json`:
 *
 *   { "repo": "owner/name", "commit": "<40 hex>", "files": [
 *       { "path": "in/the/repo.csv", "as": "repo.csv", "encoding": "utf8" | "latin1" | "cp1252",
 *         "columns": ["kept", "columns"] } ] }
 *
 * Snapshots are looked for in $DRAMATIS_MIRRORS (default `../.mirror`), as `<owner>+<name>/repo`
 * git directories (the project's `fetch` tool makes them). The commit is pinned: a snapshot
 * without it fails loudly rather than importing different data. Prints each file's sha256 and
 * row count, which SOURCE.md records.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCsv, toCsv } from '../lib/dataset/importers/csv';

const ROOT = resolve(import.meta.dirname, '..');
const SPECS = join(ROOT, 'assets', 'dataset', 'sources');
const OUT = join(ROOT, '.sources');
const MIRRORS = resolve(process.env.DRAMATIS_MIRRORS ?? join(ROOT, '..', '.mirror'));

interface FileSpec {
  path: string;
  as: string;
  encoding?: 'utf8' | 'latin1' | 'cp1252';
  columns?: string[];
}
interface Spec {
  repo: string;
  commit: string;
  files: FileSpec[];
}

/** Windows-1252 bytes 0x80–0x9F differ from Latin-1; TextDecoder knows the table. */
function decode(buf: Buffer, encoding: FileSpec['encoding']): string {
  if (encoding === 'cp1252') return new TextDecoder('windows-1252').decode(buf);
  if (encoding === 'latin1') return new TextDecoder('latin1').decode(buf);
  return new TextDecoder('utf-8', { fatal: true }).decode(buf);
}

function main(): number {
  const only = process.argv.slice(2);
  const dirs = readdirSync(SPECS)
    .filter((d) => existsSync(join(SPECS, d, 'extract.json')))
    .filter((d) => !only.length || only.includes(d));
  let failed = 0;
  for (const d of dirs) {
    const spec = JSON.parse(readFileSync(join(SPECS, d, 'extract.json'), 'utf8')) as Spec;
    const gitDir = join(MIRRORS, spec.repo.replace('/', '+'), 'repo');
    if (!existsSync(gitDir)) {
      console.error(`${d}: no snapshot of ${spec.repo} at ${gitDir} (fetch github:${spec.repo} first)`);
      failed++;
      continue;
    }
    for (const f of spec.files) {
      let buf: Buffer;
      try {
        buf = execFileSync('git', ['--git-dir', gitDir, 'show', `${spec.commit}:${f.path}`], {
          maxBuffer: 1 << 30,
        });
      } catch {
        console.error(`${d}: ${f.path} is not in ${spec.repo} at ${spec.commit}`);
        failed++;
        continue;
      }
      let text = decode(buf, f.encoding);
      let rows: number | undefined;
      if (f.columns) {
        const table = parseCsv(text, `${spec.repo}/${f.path}`, f.columns);
        rows = table.length;
        text = toCsv([f.columns, ...table.map((r) => f.columns!.map((c) => r.values[c] ?? ''))]);
      }
      const dest = join(OUT, d, f.as);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, text);
      const sha = createHash('sha256').update(text).digest('hex');
      console.log(`${d}/${f.as}: ${text.length} chars${rows !== undefined ? `, ${rows} rows` : ''}, sha256 ${sha}`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
