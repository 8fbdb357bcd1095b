/**
 * Requests the content script answers (from the background's keyboard commands and context menu,
 * and from the popup), checked by hand: the content script carries no validator library. Only our
 * extension can send these (runtime messages), but a malformed one is still ignored, not thrown.
 */
import type { Request } from '../messages';

export type ContentRequest =
  | { type: 'nav:mention'; payload: Request<'nav:mention'> }
  | { type: 'page:selection'; payload: Request<'page:selection'> }
  | { type: 'page:mentions'; payload: Request<'page:mentions'> };

export function contentRequest(raw: unknown): ContentRequest | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  const p = (payload ?? {}) as Record<string, unknown>;
  if (typeof p !== 'object' || p === null) return undefined;
  if (type === 'nav:mention')
    return p.direction === 'next' || p.direction === 'previous'
      ? { type, payload: { direction: p.direction } }
      : undefined;
  if (type === 'page:selection' || type === 'page:mentions') return { type, payload: {} };
  return undefined;
}
