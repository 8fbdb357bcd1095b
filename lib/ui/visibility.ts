/**
 * Whether the browser sees an element as unobscured and unfaded on screen (Intersection Observer
 * v2, `trackVisibility`; Chromium). A page cannot make a reader click our card's controls through
 * an overlay or a transparent ancestor while this reports it hidden. Where the browser lacks it
 * (Firefox), the element is taken as visible.
 */
interface V2Entry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

export function visibilityTracked(win: Window = window): boolean {
  const E = (win as unknown as { IntersectionObserverEntry?: { prototype: object } }).IntersectionObserverEntry;
  return !!E && 'isVisible' in E.prototype;
}

export function watchVisibility(el: Element, onChange: (visible: boolean) => void): () => void {
  if (!visibilityTracked()) {
    onChange(true);
    return () => {};
  }
  onChange(false); // until the first report
  const io = new IntersectionObserver(
    (entries) => {
      const last = entries[entries.length - 1] as V2Entry | undefined;
      if (last) onChange(last.isVisible === true);
    },
    { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  io.observe(el);
  return () => io.disconnect();
}
