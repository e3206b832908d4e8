/**
 * The short line under a chart or panel that points to the About-the-data page (the pick rule, the
 * marks), instead of repeating them everywhere. A real link (it opens in a new tab too); a plain click
 * switches the view in place, as the tabs do.
 */
import { useAppState } from '../app-state/app-state.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { sentenceGap } from '../../../core/text/join-sentences.ts';

export function AboutLink() {
  const { lang, m } = useI18n();
  const [, setState] = useAppState();
  // No window when the build prerenders the landing page (src/app/prerender.tsx): the link then keeps no other state.
  const params = new URLSearchParams(typeof window === 'undefined' ? '' : window.location.search);
  params.set('view', 'about');
  params.delete('obs');
  return (
    <p className="note" data-testid="about-link">
      {m.aboutLine}{sentenceGap(lang)}
      <a href={`?${params.toString()}`} onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        void setState({ view: 'about', obs: null });
        window.scrollTo(0, 0);
      }}>{m.aboutLink}</a>
    </p>
  );
}
