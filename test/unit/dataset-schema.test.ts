import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandAliases } from '../../lib/dataset/aliases';
import { defaultExpandOptions, loadDataset } from '../../lib/dataset/load';
import { checkDataset, DatasetError, parseRecords } from '../../lib/dataset/validate';

const opts = defaultExpandOptions();

const regulator = (over: Record<string, unknown> = {}) => ({
  id: 'xx-reg',
  type: 'regulator',
  name: 'Test Regulator',
  jurisdiction: 'CN',
  description: 'A regulator made up for a test.',
  regulator: { remit: ['privacy'] },
  sources: ['https://example.org/reg'],
  asOf: '2024-01-01',
  ...over,
});
const firm = (over: Record<string, unknown> = {}) => ({
  id: 'xx-firm',
  type: 'firm',
  name: 'Test Firm Holdings',
  jurisdiction: 'US',
  description: 'A firm made up for a test.',
  firm: { sector: 'Testing' },
  sources: ['https://example.org/firm'],
  asOf: '2024-01-01',
  ...over,
});
const official = (over: Record<string, unknown> = {}) => ({
  id: 'xx-official',
  type: 'official',
  name: 'Testa Person',
  jurisdiction: 'US',
  description: 'An official made up for a test.',
  official: { roles: [{ title: 'Chair', org: 'xx-reg' }] },
  sources: ['https://example.org/official'],
  asOf: '2024-01-01',
  ...over,
});
const without = (r: Record<string, unknown>, key: string) => {
  const copy = { ...r };
  delete copy[key];
  return copy;
};

/** Parses one file's records and runs the whole-dataset checks; returns every problem. */
function problemsOf(file: string, records: unknown[]): string[] {
  const problems: string[] = [];
  const parsed = parseRecords(file, records, problems);
  checkDataset(parsed, opts, problems);
  return problems;
}

interface Case {
  what: string;
  records: unknown[];
  id: string;
  field: RegExp;
}

const CASES: Case[] = [
  { what: 'missing sources', records: [without(regulator(), 'sources')], id: 'xx-reg', field: /field sources/ },
  { what: 'empty sources', records: [regulator({ sources: [] })], id: 'xx-reg', field: /field sources: .*source/ },
  { what: 'bad asOf "2024-13-01"', records: [regulator({ asOf: '2024-13-01' })], id: 'xx-reg', field: /field asOf/ },
  {
    what: 'bad jurisdiction "China"',
    records: [regulator({ jurisdiction: 'China' })],
    id: 'xx-reg',
    field: /field jurisdiction: .*ISO 3166/,
  },
  {
    what: 'unknown remit',
    records: [regulator({ regulator: { remit: ['vibes'] } })],
    id: 'xx-reg',
    field: /field regulator\.remit\[0\]/,
  },
  {
    what: 'official without roles',
    records: [regulator(), official({ official: { roles: [] } })],
    id: 'xx-official',
    field: /field official\.roles: .*at least one role/,
  },
  {
    what: 'relation to a missing id',
    records: [firm({ relations: [{ type: 'related', target: 'xx-nobody' }] })],
    id: 'xx-firm',
    field: /field relations\[0\]\.target: no record has id "xx-nobody"/,
  },
  {
    what: 'role in a missing body',
    records: [official()],
    id: 'xx-official',
    field: /field official\.roles\[0\]\.org: no record has id "xx-reg"/,
  },
  {
    what: 'duplicate id',
    records: [firm(), firm({ name: 'Another Test Firm' })],
    id: 'xx-firm',
    field: /field id: duplicate/,
  },
  {
    what: 'alias shared by two entities, not flagged ambiguous',
    records: [firm({ aliases: ['TFH'] }), firm({ id: 'xx-firm-two', name: 'Toy Fun House', aliases: ['TFH'] })],
    id: 'xx-firm',
    field: /field aliases: "tfh" is shared with "xx-firm-two" \(.*\) and must be flagged ambiguous/,
  },
  {
    what: 'a firm with an "official" block',
    records: [firm({ official: { roles: [{ title: 'Chair' }] } })],
    id: 'xx-firm',
    field: /field official: a firm must not have a "official" block/,
  },
  {
    what: 'a regulator without its "regulator" block',
    records: [without(regulator(), 'regulator')],
    id: 'xx-reg',
    field: /field regulator: a regulator needs a "regulator" block/,
  },
  {
    what: 'an unknown field',
    records: [firm({ ceo: 'Someone' })],
    id: 'xx-firm',
    field: /field \(record\): .*ceo/,
  },
];

describe('a malformed record fails with the file, the record id and the field', () => {
  it.each(CASES)('$what', ({ records, id, field }) => {
    const file = 'assets/dataset/curated/test-area.json';
    const problems = problemsOf(file, records);
    expect(problems.length).toBeGreaterThan(0);
    const hit = problems.find((p) => p.includes(`"${id}"`) && field.test(p));
    expect(hit, problems.join('\n')).toBeDefined();
    expect(hit!.startsWith(`${file}: `)).toBe(true);
  });

  it('an alias shared by two entities is fine when both flag it ambiguous', () => {
    const shared = { text: 'TFH', ambiguous: true };
    expect(
      problemsOf('x.json', [
        firm({ aliases: [shared] }),
        firm({ id: 'xx-firm-two', name: 'Toy Fun House', aliases: [shared] }),
      ]),
    ).toEqual([]);
  });

  it('a valid set of records has no problems', () => {
    expect(problemsOf('x.json', [regulator(), firm(), official()])).toEqual([]);
  });

  it('a file that is not an array is reported', () => {
    const problems: string[] = [];
    expect(parseRecords('curated/obj.json', { id: 'x' }, problems)).toEqual([]);
    expect(problems).toEqual(['curated/obj.json: must hold a JSON array of records']);
  });
});

describe('loadDataset on a directory', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const makeDir = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'dramatis-dataset-'));
    mkdirSync(join(dir, 'imported'));
    mkdirSync(join(dir, 'curated'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  const loadError = (d: string): DatasetError => {
    try {
      loadDataset(d, opts);
    } catch (err) {
      if (err instanceof DatasetError) return err;
      throw err;
    }
    throw new Error('expected a DatasetError');
  };

  it('loads valid files, and a curated record replaces an imported one with the same id', () => {
    const d = makeDir({
      'imported/list.json': JSON.stringify([firm({ description: 'From the bulk list.' })]),
      'curated/area.json': JSON.stringify([regulator(), firm({ description: 'Checked by hand.' })]),
    });
    const ds = loadDataset(d, opts);
    expect(ds.records).toHaveLength(2);
    expect(ds.byId.get('xx-firm')?.description).toBe('Checked by hand.');
    expect(ds.files.map((f) => f.split('/').slice(-2).join('/'))).toEqual(['imported/list.json', 'curated/area.json']);
  });

  it('an invalid JSON file is named', () => {
    const d = makeDir({ 'curated/broken.json': '[{"id": "xx-reg",' });
    const err = loadError(d);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(/curated\/broken\.json: not valid JSON/);
  });

  it('names the file, record and field of a bad record, and keeps going past it', () => {
    const d = makeDir({
      'curated/good.json': JSON.stringify([regulator()]),
      'curated/bad.json': JSON.stringify([firm({ asOf: '2024-13-01' }), official({ official: { roles: [] } })]),
    });
    const err = loadError(d);
    expect(err.problems.some((p) => /curated\/bad\.json: record "xx-firm" \(#0\): field asOf/.test(p))).toBe(true);
    expect(
      err.problems.some((p) => /curated\/bad\.json: record "xx-official" \(#1\): field official\.roles/.test(p)),
    ).toBe(true);
    expect(err.message).toMatch(/dataset has 2 problems/);
  });

  it('a duplicate id across two curated files names both files', () => {
    const d = makeDir({
      'curated/a.json': JSON.stringify([regulator()]),
      'curated/b.json': JSON.stringify([regulator({ name: 'Another Test Regulator' })]),
    });
    const err = loadError(d);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(
      /curated\/b\.json: record "xx-reg" \(#0\): field id: duplicate of .*curated\/a\.json #0/,
    );
  });

  it('an empty directory loads as an empty dataset', () => {
    const d = makeDir({});
    expect(loadDataset(d, opts).records).toEqual([]);
  });
});

describe('the real dataset', () => {
  const ds = loadDataset();
  const of = (type: string) => ds.records.filter((r) => r.type === type);

  it('loads with zero problems', () => {
    expect(ds.records.length).toBeGreaterThan(0);
  });

  it('meets the coverage minimums', () => {
    const regulators = of('regulator');
    expect(regulators.length).toBeGreaterThanOrEqual(400);
    expect(new Set(regulators.map((r) => r.jurisdiction)).size).toBeGreaterThanOrEqual(40);
    expect(of('firm').length).toBeGreaterThanOrEqual(1000);
    expect(of('official').length).toBeGreaterThanOrEqual(800);
    let aliases = 0;
    for (const r of ds.records) aliases += expandAliases(r, opts).length;
    expect(aliases).toBeGreaterThanOrEqual(4000);
  });

  it('every record has sources and an asOf date', () => {
    const missing = ds.records.filter((r) => !r.sources.length || !/^\d{4}-\d{2}-\d{2}$/.test(r.asOf)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
