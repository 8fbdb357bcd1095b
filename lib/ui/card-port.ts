/**
 * The card frame's end of its private channel to the content script. Listens from the moment
 * the module loads (before any component mounts), because the content script hands the port
 * over on the frame's load event. Only the first port is accepted.
 */
import type { CardToPage, PageToCard } from '../card-protocol';

type Handler = (m: PageToCard) => void;

let port: MessagePort | undefined;
let handler: Handler | undefined;
const queue: PageToCard[] = [];

window.addEventListener('message', (ev: MessageEvent) => {
  if (port || ev.data?.type !== 'dramatis:connect' || !ev.ports[0]) return;
  port = ev.ports[0];
  port.onmessage = (e: MessageEvent<PageToCard>) => {
    if (handler) handler(e.data);
    else queue.push(e.data);
  };
});

export function onPageMessage(h: Handler): void {
  handler = h;
  for (const m of queue.splice(0)) h(m);
}

export function postToPage(m: CardToPage): void {
  port?.postMessage(m);
}
