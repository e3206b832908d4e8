import type { NotIndexed } from '../../charts/trend-index.ts';
import { useTrendsMoreMessages } from './use-trends-more-messages.ts';

interface Props {
  /** Names of the places chosen that have no figure for the indicator, and of those with figures of which none is drawn. */
  noFigure: readonly string[];
  noneShown: readonly string[];
  index: boolean;
  notIndexed: readonly NotIndexed[];
  nameOf: (code: string) => string;
  logRefused: boolean;
}

/** What the chart does not show, said under it: places without a figure, places not indexable, a refused log axis. */
export function TrendNotes({ noFigure, noneShown, index, notIndexed, nameOf, logRefused }: Props) {
  const { lang, more: t } = useTrendsMoreMessages();
  const list = (names: readonly string[]) => names.join(lang === 'zh' ? '、' : ', ');
  const notIndexedText = notIndexed.map((n) => {
    const why = t.trendsNotIndexedReason[n.reason];
    const reason = typeof why === 'string' ? why : why(n.year ?? 0);
    return lang === 'zh' ? `${nameOf(n.region_code)}(${reason})` : `${nameOf(n.region_code)} (${reason})`;
  });
  return (
    <>
      {noFigure.length > 0 && <p className="note trends-missing" data-testid="trends-no-figure">{t.trendsNoFigure(list(noFigure))}</p>}
      {noneShown.length > 0 && <p className="note trends-missing" data-testid="trends-none-shown">{t.trendsNoneShown(list(noneShown))}</p>}
      {index && <p className="note">{t.trendsIndexNote}</p>}
      {notIndexedText.length > 0 && <p className="note trends-missing" data-testid="trends-not-indexed">{t.trendsNotIndexed(list(notIndexedText))}</p>}
      {logRefused && <p className="note" data-testid="trends-log-refused">{t.trendsLogUnusable}</p>}
    </>
  );
}
