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
 * A file may also be `"format": "parquet"` (read with hyparquet and written as CSV of `columns`),
 * name its own `"commit"`, or be a `"history"` of a YAML list: every version of the file on
 * the first-parent line up to the commit is read, and each list item (identified by the value
 * of `history.key`, e.g. `id.bioguide`) that is no longer in the file at the commit is written
 * as it stood in the last version that had it, trimmed to `history.keep` (paths such as
 * `name` or `terms[].start`), with `_lastSeen` and `_firstAbsent` ({commit, date}) saying
 * which versions those were. The output is a JSON list.
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
import { parquetReadObjects } from 'hyparquet';
import { parse } from 'yaml';
import { parseCsv, toCsv } from '../lib/dataset/importers/csv';
import { pick, yamlItems } from '../lib/dataset/extract';

const ROOT = resolve(import.meta.dirname, '..');
const SPECS = join(ROOT, 'assets', 'dataset', 'sources');
const OUT = join(ROOT, '.sources');
const MIRRORS = resolve(process.env.DRAMATIS_MIRRORS ?? join(ROOT, '..', '.mirror'));

interface FileSpec {
  path: string;
  as: string;
  encoding?: 'utf8' | 'latin1' | 'cp1252';
  columns?: string[];
  format?: 'csv' | 'parquet';
  commit?: string;
  history?: { key: string; keep: string[] };
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

function git(gitDir: string, args: string[]): Buffer {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 30 });
}

/** Rows of a Parquet file as CSV of the named columns. */
async function parquetToCsv(buf: Buffer, columns: string[]): Promise<{ text: string; rows: number }> {
  const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file, columns })) as Record<string, unknown>[];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return { text: toCsv([columns, ...rows.map((r) => columns.map((c) => cell(r[c])))]), rows: rows.length };
}

/** The former items of a YAML list, from the file's history (see the header comment). */
function yamlHistory(gitDir: string, commit: string, spec: FileSpec): { text: string; rows: number } {
  const { key, keep } = spec.history!;
  const last = key.split('.').pop()!;
  const keyRe = new RegExp(`^\\s*(?:- )?${last}:\\s*['"]?([^\\s'"#]+)`, 'm');
  const log = git(gitDir, ['log', '--first-parent', '--format=%H %cs', commit, '--', spec.path])
    .toString()
    .trim()
    .split('\n')
    .map((l) => {
      const [sha, date] = l.split(' ');
      return { sha: sha!, date: date! };
    })
    .reverse();
  const lastSeen = new Map<string, number>();
  const present: Set<string>[] = [];
  log.forEach((c, i) => {
    const keys = new Set<string>();
    for (const block of yamlItems(git(gitDir, ['show', `${c.sha}:${spec.path}`]).toString('utf8'))) {
      const m = keyRe.exec(block);
      if (m) keys.add(m[1]!);
    }
    present.push(keys);
    for (const k of keys) lastSeen.set(k, i);
  });
  const final = present[present.length - 1] ?? new Set<string>();
  const wanted = new Map<number, string[]>();
  for (const [k, i] of lastSeen) if (!final.has(k)) wanted.set(i, [...(wanted.get(i) ?? []), k]);
  const out: unknown[] = [];
  for (const [i, keys] of [...wanted].sort((a, b) => a[0] - b[0])) {
    const want = new Set(keys);
    for (const block of yamlItems(git(gitDir, ['show', `${log[i]!.sha}:${spec.path}`]).toString('utf8'))) {
      const m = keyRe.exec(block);
      if (!m || !want.has(m[1]!)) continue;
      const item = (parse(block) as unknown[])[0];
      out.push({
        ...pick(item, keep),
        _lastSeen: { commit: log[i]!.sha, date: log[i]!.date },
        _firstAbsent: { commit: log[i + 1]!.sha, date: log[i + 1]!.date },
      });
    }
  }
  return { text: `${JSON.stringify(out, null, 1)}\n`, rows: out.length };
}

async function main(): Promise<number> {
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
      const commit = f.commit ?? spec.commit;
      let buf: Buffer;
      try {
        buf = git(gitDir, ['show', `${commit}:${f.path}`]);
      } catch {
        console.error(`${d}: ${f.path} is not in ${spec.repo} at ${commit}`);
        failed++;
        continue;
      }
      let text: string;
      let rows: number | undefined;
      if (f.history) ({ text, rows } = yamlHistory(gitDir, commit, f));
      else if (f.format === 'parquet') ({ text, rows } = await parquetToCsv(buf, f.columns ?? []));
      else text = decode(buf, f.encoding);
      if (f.columns && !f.history && f.format !== 'parquet') {
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

process.exitCode = await main();
