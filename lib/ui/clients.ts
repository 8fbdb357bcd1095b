/**
 * What extension pages (card, popup) use to reach data: entity details from the packaged
 * data file, notes from the background through typed messages.
 */
import { browser } from 'wxt/browser';
import type { CardEntity } from '../entities';
import { send, type MessageType, type Request, type Responses } from '../messages';

let entities: Promise<Map<string, CardEntity>> | undefined;

export function loadEntities(): Promise<Map<string, CardEntity>> {
  entities ??= fetch((browser.runtime.getURL as (path: string) => string)('/data/entities.json'))
    .then((r) => {
      if (!r.ok) throw new Error(`entities.json: HTTP ${r.status}`);
      return r.json() as Promise<CardEntity[]>;
    })
    .then((list) => new Map(list.map((e) => [e.id, e])));
  return entities;
}

export function call<T extends MessageType>(type: T, payload: Request<T>): Promise<Responses[T]> {
  return send((msg) => browser.runtime.sendMessage(msg), type, payload);
}
