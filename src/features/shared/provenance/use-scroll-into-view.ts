import { useEffect, useRef } from 'react';

/** How much of the panel's top must show for it to count as seen (px). */
const VISIBLE_TOP = 120;

/**
 * When the reader picks another figure (a tapped point, a clicked row), brings the source panel into
 * view if its top is off screen: on a phone the panel sits below the chart, out of sight. Not on the
 * first render: a link that opens with a figure leaves the page where the reader is.
 */
export function useScrollIntoViewOnChange(key: string | null) {
  const element = useRef<HTMLElement>(null);
  const previous = useRef(key);
  useEffect(() => {
    if (key === previous.current) return;
    previous.current = key;
    const node = element.current;
    if (key === null || !node) return;
    const top = node.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - VISIBLE_TOP) {
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      node.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
    }
  }, [key]);
  return element;
}
