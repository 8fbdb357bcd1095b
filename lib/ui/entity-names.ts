import type { CustomEntity } from '../custom/types';
import type { CardEntity } from '../entities';

/** The names a note's entity is searched by: name, native names, aliases (the reader's own entities too). */
export function entityNamesOf(entities: Map<string, CardEntity> | undefined, mine?: Map<string, CustomEntity>) {
  return (id: string): string[] => {
    const own = mine?.get(id);
    if (own) return [own.name, ...own.aliases];
    const e = entities?.get(id);
    return e
      ? [
          e.name,
          ...(e.nativeNames ?? []).map((n) => n.text),
          ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
        ]
      : [];
  };
}
