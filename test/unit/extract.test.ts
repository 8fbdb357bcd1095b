import { describe, expect, it } from 'vitest';
import { pick, yamlItems } from '../../lib/dataset/extract';

describe('source extraction helpers', () => {
  it('keeps only the listed paths, through lists', () => {
    const item = {
      id: { bioguide: 'X000001', govtrack: 1 },
      name: { first: 'A', last: 'B' },
      terms: [
        { type: 'rep', start: '2001-01-03', address: 'x' },
        { type: 'sen', start: '2007-01-04', phone: 'y' },
      ],
    };
    expect(pick(item, ['id.bioguide', 'name', 'terms[].type', 'terms[].start', 'missing.path'])).toEqual({
      id: { bioguide: 'X000001' },
      name: { first: 'A', last: 'B' },
      terms: [
        { type: 'rep', start: '2001-01-03' },
        { type: 'sen', start: '2007-01-04' },
      ],
    });
  });
  it('splits a YAML list into its top-level items', () => {
    expect(yamlItems('- id: 1\n  terms:\n  - a\n- id: 2\n')).toEqual(['- id: 1\n  terms:\n  - a', '- id: 2\n']);
  });
});
