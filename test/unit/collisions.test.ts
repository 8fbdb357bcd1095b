import { describe, expect, it } from 'vitest';
import { flagCollisions } from '../../lib/dataset/collisions';
import type { EntityRecord } from '../../lib/dataset/schema';

const rec = (id: string, name: string, extra: Partial<EntityRecord> = {}): EntityRecord =>
  ({
    id,
    type: 'official',
    name,
    jurisdiction: 'US',
    description: 'x',
    official: { roles: [{ title: 'Representative' }] },
    sources: ['https://example.org/'],
    asOf: '2026-01-01',
    ...extra,
  }) as EntityRecord;
const firm = (id: string, name: string, extra: Partial<EntityRecord> = {}) =>
  rec(id, name, { type: 'firm', official: undefined, firm: {}, ...extra });

const opts = {
  isWord: (w: string) => w === 'target',
  tickers: new Set(['MAS', 'ACME', 'BOA']),
  abbreviations: new Set(['CEO', 'GDP']),
};

describe('collision flags', () => {
  it('flags short acronyms that are another company’s ticker or an everyday abbreviation', () => {
    const agency = rec('sg-mas', 'Monetary Authority', {
      type: 'regulator',
      official: undefined,
      regulator: { remit: ['banking'] },
      aliases: ['MAS', 'MASX'],
    });
    const own = firm('us-boa', 'Boa Group', {
      aliases: [{ text: 'BOA', acronym: true }],
      firm: { tickers: [{ symbol: 'BOA', exchange: 'NYSE' }] },
    });
    const council = rec('us-ceo', 'Council of Economic Overseers', {
      type: 'regulator',
      official: undefined,
      regulator: { remit: ['general'] },
      aliases: ['CEO'],
    });
    flagCollisions(new Map([['x', [agency, own, council]]]), [], opts);
    expect(agency.aliases).toEqual([{ text: 'MAS', ambiguous: true }, 'MASX']); // four letters: not flagged
    expect(own.aliases).toEqual([{ text: 'BOA', acronym: true }]); // its own ticker
    expect(council.aliases).toEqual([{ text: 'CEO', ambiguous: true }]);
  });

  it('flags a short acronym that another firm of the dataset trades under on any exchange', () => {
    const labour = rec('us-dol', 'U.S. Department of Labor', {
      type: 'regulator',
      official: undefined,
      regulator: { remit: ['labour'] },
      aliases: [{ text: 'DOL', acronym: true }],
    });
    const dollarama = firm('ca-dollarama', 'Dollarama', { firm: { tickers: [{ symbol: 'DOL', exchange: 'TSX' }] } });
    const nec = firm('jp-nec', 'NEC', { firm: { tickers: [{ symbol: '6701', exchange: 'TSE' }] } });
    const nine = firm('au-nine', 'Nine Entertainment', { firm: { tickers: [{ symbol: 'NEC', exchange: 'ASX' }] } });
    flagCollisions(new Map([['x', [labour, dollarama, nec]]]), [nine], opts);
    expect(labour.aliases).toEqual([{ text: 'DOL', acronym: true, ambiguous: true }]);
    expect(nec.aliases).toEqual([{ text: 'NEC', ambiguous: true }]); // its name, flagged where a ticker of a curated firm
    expect(dollarama.aliases).toBeUndefined();
  });

  it('makes a personal name two people share ambiguous on both', () => {
    const a = rec('us-mike-rogers-al', 'Mike Rogers');
    const b = rec('us-mike-rogers-mi', 'Mike Rogers', { aliases: ['Michael Rogers'] });
    const warnings = flagCollisions(new Map([['c', [a, b]]]), [], opts);
    expect(warnings).toEqual([]);
    expect(a.aliases).toEqual([{ text: 'Mike Rogers', ambiguous: true }]);
    expect(b.aliases).toEqual(['Michael Rogers', { text: 'Mike Rogers', ambiguous: true }]);
  });

  it('flags an alias shared between imported records, and gives way to a curated claim', () => {
    const a = firm('us-a', 'Alpha Holdings', { aliases: ['Alpha'] });
    const b = firm('us-b', 'Alpha Partners', { aliases: ['Alpha', 'Beta'] });
    const curated = firm('cn-beta', 'Beta', { jurisdiction: 'CN' });
    const warnings = flagCollisions(new Map([['x', [a, b]]]), [curated], opts);
    expect(a.aliases).toEqual([{ text: 'Alpha', ambiguous: true }]);
    expect(b.aliases).toEqual([{ text: 'Alpha', ambiguous: true }]);
    expect(warnings).toEqual([]);
  });

  it('leaves out an imported record whose name a curated record claims unflagged', () => {
    const a = firm('us-beta', 'Beta');
    const list = [a, firm('us-gamma', 'Gamma')];
    const warnings = flagCollisions(new Map([['x', list]]), [firm('cn-beta', 'Beta', { jurisdiction: 'CN' })], opts);
    expect(list.map((r) => r.id)).toEqual(['us-gamma']);
    expect(warnings).toEqual([
      'us-beta left out: its name "Beta" is curated cn-beta\'s (link them by an id if they are one entity, or flag it ambiguous there)',
    ]);
  });
});
