import type { CardEntity } from '../entities';

/** The names a note's entity is searched by: name, native names, aliases. */
export function entityNamesOf(entities: Map<string, CardEntity> | undefined) {
  return (id: string): string[] => {
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
