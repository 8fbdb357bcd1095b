import type { HandlerContext } from '../../../lib/background/handlers';
import type { NotesRepository } from '../../../lib/notes/repository';

/** A background handler context as an extension page would get it; override what a test needs. */
export function handlerContext(repo: NotesRepository, over: Partial<HandlerContext> = {}): HandlerContext {
  return { repo, sender: 'page', tabId: undefined, setBadge: async () => {}, ...over };
}
