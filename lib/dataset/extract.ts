/**
 * Helpers of `scripts/fetch-sources.ts` (extracting trimmed copies of fetched files), kept here so
 * they can be tested.
 */

/** A value at a dotted path; `terms[].start` keeps `start` of each element of `terms`. */
export function pick(item: unknown, paths: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (into: Record<string, unknown>, from: unknown, path: string[]) => {
    if (from === null || typeof from !== 'object') return;
    const [head, ...rest] = path;
    const list = head!.endsWith('[]');
    const key = list ? head!.slice(0, -2) : head!;
    const value = (from as Record<string, unknown>)[key];
    if (value === undefined) return;
    if (!rest.length) into[key] = value;
    else if (list && Array.isArray(value)) {
      const arr = (into[key] ??= value.map(() => ({}))) as Record<string, unknown>[];
      value.forEach((v, i) => put(arr[i]!, v, rest));
    } else put((into[key] ??= {}) as Record<string, unknown>, value, rest);
  };
  for (const p of paths) put(out, item, p.split('.'));
  return out;
}

/** Top-level items of a YAML list file, as text blocks ("- " at column 0 starts one). */
export function yamlItems(text: string): string[] {
  return text.split(/\n(?=- )/).filter((b) => b.startsWith('- '));
}
