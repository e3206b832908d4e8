import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The source panel before a point is chosen: the same box and words as ProvenancePanel's, so the
 * panel itself (quotes, citations, its CSS) loads only when needed, outside the first chart's JavaScript.
 */
export function ProvenanceHint() {
  const { m } = useI18n();
  return (
    <aside className="provenance" data-testid="provenance" aria-live="polite">
      <header><h2>{m.provenanceTitle}</h2></header>
      <p className="hint">{m.provenanceHint}</p>
    </aside>
  );
}
