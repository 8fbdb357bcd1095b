/**
 * Collects the page's reading text as blocks: runs of text nodes under the same block-level
 * element, joined so a name split across inline elements (`<a>Didi</a> Global`) reads as one.
 * Skips what is not reading text (scripts, form fields, editable regions, code, hidden
 * subtrees, our own UI). Takes the document as an argument; no globals.
 */

/** Inline elements: their text joins the surrounding block's. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'big',
  'tt',
  'nobr',
]);

/** Elements whose content is never reading text. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'audio',
  'video',
  'dramatis-card-host',
  'dramatis-marks-host',
]);
const CODE = new Set(['code', 'pre', 'kbd', 'samp', 'tt']);

export interface WalkOptions {
  /** Also read text inside code and pre (off by default). */
  includeCode?: boolean;
  /** Open shadow roots met on the way are added here (their text is read too). */
  shadowRoots?: ShadowRoot[];
}

export interface TextBlock {
  nodes: Text[];
  /** Offset of each node's text in the block's joined text. */
  starts: number[];
  /** The nodes' text, joined only when the block's chunk is scanned (no string built per block). */
  parts: string[];
  length: number;
  /** Whether any node holds more than white space. */
  hasText: boolean;
}

const NON_SPACE = /\S/;

function skipElement(el: Element, opts: WalkOptions, name = el.localName): boolean {
  if (SKIP.has(name)) return true;
  if (!opts.includeCode && CODE.has(name)) return true;
  if (!el.hasAttributes()) return false; // most elements: one DOM call instead of three
  if (el.hasAttribute('hidden')) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  return false;
}

/** Nearest ancestor that is not an inline element: text under the same one reads as one block. */
function blockContainer(node: Node, cache: Map<Element, Element>): Element | null {
  const parent = node.parentElement;
  if (!parent) return null;
  const hit = cache.get(parent);
  if (hit) return hit;
  let el: Element = parent;
  while (INLINE.has(el.localName) && el.parentElement) el = el.parentElement;
  cache.set(parent, el);
  return el;
}

/**
 * Walks `root` and returns its text blocks. A TreeWalker with no filter callback: filtering
 * in our own loop is several times faster than an `acceptNode` per node.
 */
export function collectBlocks(root: Node, opts: WalkOptions = {}): TextBlock[] {
  const steps = walkBlocks(root, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The walk as a generator that pauses every thousand nodes, so callers can slice it. */
export function* walkBlocks(root: Node, opts: WalkOptions = {}): Generator<void, TextBlock[]> {
  const doc = root.ownerDocument ?? (root as Document);
  let visited = 0;
  const blocks: TextBlock[] = [];
  if (root.nodeType === 1 && skipElement(root as Element, opts)) return blocks;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  const cache = new Map<Element, Element>();
  let current: TextBlock | null = null;
  let currentContainer: Element | null = null;
  let node: Node | null = walker.nextNode();
  while (node) {
    if ((++visited & 1023) === 0) yield;
    if (node.nodeType === 1) {
      const name = (node as Element).localName; // one DOM call for both checks below
      if (skipElement(node as Element, opts, name)) {
        // Step over the whole subtree.
        let next: Node | null = walker.nextSibling();
        while (!next && walker.parentNode()) next = walker.nextSibling();
        node = next;
        continue;
      }
      // A block-level element boundary ends the current block.
      if (!INLINE.has(name)) currentContainer = null;
      const shadow = (node as Element).shadowRoot;
      if (shadow && opts.shadowRoots && !opts.shadowRoots.includes(shadow)) {
        opts.shadowRoots.push(shadow);
        blocks.push(...(yield* walkBlocks(shadow, opts)));
        current = null;
        currentContainer = null;
      }
    } else {
      const text = node as Text;
      const data = text.data;
      if (data.length) {
        const container = blockContainer(text, cache);
        if (!current || container !== currentContainer) {
          current = { nodes: [], starts: [], parts: [], length: 0, hasText: false };
          blocks.push(current);
          currentContainer = container;
        }
        current.starts.push(current.length);
        current.nodes.push(text);
        current.parts.push(data);
        current.length += data.length;
        if (!current.hasText) current.hasText = NON_SPACE.test(data);
      }
    }
    node = walker.nextNode();
  }
  return blocks.filter((b) => b.hasText);
}
