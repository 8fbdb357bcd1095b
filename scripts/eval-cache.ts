/**
 * `npm run eval:cache`: checks the local cache of real-news excerpts against the lengths and
 * sha256 digests in `test/fixtures/real/cases.json`, lists the cases that are missing or
 * changed, and prints how to rebuild them (see docs/EVAL.md, "The cache").
 *
 * Exit code 0 when every case is present and unchanged, 1 otherwise.
 * `--json` prints the cases to fetch as JSON (id, query, corpus, url, path, length, sha256),
 * for the helper session that rebuilds the cache.
 */
import { cacheDir, cachePath, loadCases, readCached, type RealCase } from './eval-real-cases';

export function rebuildInstructions(todo: RealCase[]): string {
  const lines = [
    `To rebuild ${todo.length} case(s), a helper session with the \`search\` tool does, for each case below:`,
    `  1. search(query = <query>, corpus = "pages") — exactly the query shown;`,
    `  2. take the result whose url equals <url> (if several results share the url, the one whose`,
    `     excerpt has the expected length);`,
    `  3. write its excerpt string, exactly as returned (no added or removed newline, UTF-8), to <path>`,
    `     with the file tool;`,
    `  4. run \`npm run eval:cache\` again: the length and sha256 must match.`,
    `The cache directory is ${cacheDir()} (set DRAMATIS_EVAL_CACHE to use another).`,
    `If the corpus no longer returns a case, say so: the case stays in cases.json and is left out`,
    `of the scores (\`npm run eval\` reports it as missing).`,
    '',
  ];
  for (const c of todo)
    lines.push(
      `- ${c.id}`,
      `    query:  ${c.query}`,
      `    url:    ${c.url}`,
      `    path:   ${cachePath(c.id)}`,
      `    expect: ${c.length} UTF-16 code units, sha256 ${c.sha256}`,
    );
  return lines.join('\n');
}

function main(): void {
  const cases = loadCases();
  const todo: RealCase[] = [];
  let ok = 0;
  for (const c of cases) {
    const st = readCached(c);
    if (st.status === 'ok') ok++;
    else {
      todo.push(c);
      if (!process.argv.includes('--json'))
        console.log(`${st.status.padEnd(8)} ${c.id}${st.status === 'changed' ? ` (${st.why})` : ''}`);
    }
  }
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify(
        todo.map((c) => ({
          id: c.id,
          query: c.query,
          corpus: c.corpus,
          url: c.url,
          path: cachePath(c.id),
          length: c.length,
          sha256: c.sha256,
        })),
        null,
        2,
      ),
    );
  } else {
    console.log(`${ok}/${cases.length} cached excerpts match (${cacheDir()}).`);
    if (todo.length) console.log(`\n${rebuildInstructions(todo)}`);
  }
  process.exit(todo.length ? 1 : 0);
}

if (process.argv[1]?.endsWith('eval-cache.ts')) main();
