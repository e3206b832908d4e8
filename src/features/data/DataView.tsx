import { useEffect, useMemo, useRef, useState } from 'react';
import type { DataFilters, DataRow, PageAt } from '../../db/queries/data-table.ts';
import { useAppState } from '../shared/app-state/app-state.ts';
import { useCoveragePlaces, useDataYears } from '../shared/data/use-data-years.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { sentenceGap } from '../../core/text/join-sentences.ts';
import { ErrorBox, Loading } from '../shared/status/Status.tsx';
import { useObsIndicator } from '../shared/data/use-obs-indicator.ts';
import { ProvenancePanel } from '../shared/provenance/ProvenancePanel.tsx';
import { useIndicators } from '../shared/data/use-catalog.ts';
import { DataFilterForm, type FormState } from './DataFilterForm.tsx';
import { DataTable } from './DataTable.tsx';
import { DownloadCsv } from './DownloadCsv.tsx';
import { Pagination } from './Pagination.tsx';
import { useDataCount, useDataPage, useDebounced } from './use-data-table.ts';
import './data.css';
import { addViewMessages } from '../i18n/messages.ts';
import { DATA_MESSAGES } from '../i18n/views/data.ts';

// This view's words arrive with its chunk, not in the entry (src/features/i18n/messages.ts).
addViewMessages(DATA_MESSAGES);

type LocalFilters = Pick<FormState, 'placeText' | 'kind' | 'approx' | 'period' | 'quoteText' | 'origin' | 'sort'>;
const NO_LOCAL: LocalFilters = { placeText: '', kind: 'all', approx: 'all', period: 'all', quoteText: '', origin: 'all', sort: 'place' };
/** The filters kept in the URL (shared with the other views); the others are the view's own. */
const URL_KEYS: ReadonlySet<string> = new Set(['indicatorId', 'regionCodes', 'year']);
const PAGE_SIZES = [25, 50, 100] as const;
const FIRST: PageAt = { at: 'first' };
/** Pages starting within this many rows are read by OFFSET, deeper ones by key (scripts/bench/scale-views.ts). */
const SHALLOW_ROWS = 2_000;

export default function DataView() {
  const { lang, m } = useI18n();
  const [{ indicator, regions, year, obs: selection }, setState] = useAppState();
  const catalog = useIndicators();
  const years = useDataYears();
  const places = useCoveragePlaces();
  const [local, setLocal] = useState<LocalFilters>(NO_LOCAL);
  const placeText = useDebounced(local.placeText);
  const quoteText = useDebounced(local.quoteText);
  const filters: DataFilters = useMemo(() => ({
    indicatorId: indicator, regionCodes: regions ?? [], year,
    placeText, kind: local.kind, approx: local.approx, period: local.period, quoteText, origin: local.origin,
  }), [indicator, regions, year, placeText, quoteText, local.kind, local.approx, local.period, local.origin]);

  // The page goes back to the first whenever the filters or the order change. Beyond the first
  // pages, pages are read by key (the rows after the last one shown, before the first one), not by
  // offset, and the last page as the first of the reversed order: the end of 3 million rows costs
  // what the start does. `page` is the page's number among fixed-size pages, which first /
  // previous / next / last keep exact (the last page holds the remainder); there is no jump to an
  // arbitrary page.
  const filterKey = JSON.stringify([filters, local.sort]);
  const [paging, setPaging] = useState<{ key: string; page: number; size: number; at: PageAt }>({ key: filterKey, page: 0, size: 50, at: FIRST });
  const current = paging.key === filterKey ? paging : { ...paging, page: 0, at: FIRST };
  const { page } = current;
  const tableTop = useRef<HTMLDivElement>(null);

  const count = useDataCount(filters);
  const rows = useDataPage(filters, local.sort, paging.size, page, current.at);
  const total = count.data?.n_rows ?? 0;
  const pages = Math.max(1, Math.ceil(total / paging.size));

  // Near the start OFFSET is the cheaper cut (a top-N of a few thousand rows beats comparing every
  // row's dozen keys with the cursor); deeper, the key.
  const shallow = (p: number): { page: number; at: PageAt } | null =>
    (p * paging.size <= SHALLOW_ROWS ? { page: p, at: { at: 'offset', offset: p * paging.size } } : null);
  const goTo = (to: 'first' | 'prev' | 'next' | 'last') => {
    // The keys come from the page on screen; while the next one loads, a second click waits for it.
    const shown = rows.isPlaceholderData ? undefined : rows.data;
    const target: { page: number; at: PageAt } | null =
      to === 'first' ? { page: 0, at: FIRST }
      : to === 'last' ? (count.isPlaceholderData ? null : { page: pages - 1, at: { at: 'last', rows: total - (pages - 1) * paging.size } })
      : to === 'prev' ? (page - 1 === 0 ? { page: 0, at: FIRST } : shallow(page - 1) ?? (shown?.first ? { page: page - 1, at: { at: 'before', key: shown.first } } : null))
      : shallow(page + 1) ?? (shown?.last ? { page: page + 1, at: { at: 'after', key: shown.last } } : null);
    if (!target) return;
    setPaging((s) => ({ ...s, key: filterKey, ...target }));
    // Paging from the buttons under a long table: show the new page from its first row.
    if ((tableTop.current?.getBoundingClientRect().top ?? 0) < 0) tableTop.current?.scrollIntoView({ block: 'start' });
  };

  /** The observation in the source panel (in the URL, shared with the other views: a copied link reopens it). */
  const setSelection = (obs: string | null) => void setState({ obs });
  const selectedIndicator = useObsIndicator(selection, catalog.data?.indicators, lang);
  const opener = useRef<HTMLTableRowElement | null>(null);
  const side = useRef<HTMLDivElement>(null);
  const open = (row: DataRow, element: HTMLTableRowElement) => {
    opener.current = element;
    setSelection(row.obs_id);
  };
  const close = () => {
    setSelection(null);
    opener.current?.focus();
  };
  useEffect(() => {
    if (!selection) return;
    // On narrow screens the panel is a sheet over the table: bring it into view and move focus there.
    if (window.matchMedia('(max-width: 1099px)').matches) side.current?.focus();
  }, [selection]);

  const onChange = (patch: Partial<FormState>) => {
    const url = {
      ...('indicatorId' in patch ? { indicator: patch.indicatorId ?? null } : {}),
      ...('regionCodes' in patch ? { regions: patch.regionCodes?.length ? [...patch.regionCodes] : null } : {}),
      ...('year' in patch ? { year: patch.year ?? null } : {}),
    };
    if (Object.keys(url).length) void setState(url);
    const rest = Object.fromEntries(Object.entries(patch).filter(([key]) => !URL_KEYS.has(key))) as Partial<LocalFilters>;
    if (Object.keys(rest).length) setLocal((s) => ({ ...s, ...rest }));
  };
  const reset = () => {
    void setState({ indicator: null, regions: null, year: null });
    setLocal(NO_LOCAL);
  };

  const error = catalog.error ?? years.error ?? places.error;
  if (error) return <div data-testid="view-data" className="data-view"><ErrorBox error={error} /></div>;
  if (!catalog.data || !years.data || !places.data) return <div data-testid="view-data" className="data-view"><Loading text={m.loadingDb} /></div>;

  const c = count.data;
  const from = total === 0 ? 0 : page * paging.size + 1;
  const to = Math.min(total, (page + 1) * paging.size);

  return (
    <div data-testid="view-data" className={`data-view${selection ? ' data-has-selection' : ''}`}
      onKeyDown={(e) => { if (e.key === 'Escape' && selection) { e.preventDefault(); close(); } }}>
      <section className="data-main">
        <h2>{m.dataTitle}</h2>
        <p className="data-intro">{m.dataIntro}</p>
        <DataFilterForm
          state={{ indicatorId: indicator, regionCodes: regions ?? [], year, ...local }}
          indicators={catalog.data.indicators} years={years.data} places={places.data}
          onChange={onChange} onReset={reset} />
        {count.isError && <ErrorBox error={count.error} />}
        {c && (
          <div className="data-summary" role="status" data-testid="data-count" data-rows={c.n_rows}>
            <p>
              <strong>{m.dataCountLine(c.n_rows)}</strong>{sentenceGap(lang)}
              {c.n_rows > 0 && m.dataSparseLine(c.n_places, c.total_places, c.n_reports, c.total_reports,
                c.first_year !== null && c.last_year !== null ? m.dataYears(c.first_year, c.last_year) : '')}
            </p>
            {c.total_places > c.n_places && <p className="data-note">{m.dataSparseNote(c.total_places - c.n_places)}</p>}
          </div>
        )}
        <DownloadCsv key={filterKey} filters={filters} sort={local.sort} total={total} ready={!count.isPlaceholderData && count.isSuccess} />
        {rows.isError && <ErrorBox error={rows.error} />}
        {rows.isPending && <Loading text={m.loadingData} />}
        {rows.data && (
          <div className="data-scroll" ref={tableTop}>
            <DataTable rows={rows.data.rows} selectedId={selection} onOpen={open} busy={rows.isFetching} />
          </div>
        )}
        <Pagination page={page} pages={pages} from={from} to={to} total={total} size={paging.size} sizes={PAGE_SIZES}
          onPage={goTo} onSize={(size) => setPaging({ key: filterKey, page: 0, size, at: FIRST })} />
      </section>
      <div className="data-side" ref={side} tabIndex={-1}>
        {selection ? (
          <ProvenancePanel obsId={selection} indicator={selectedIndicator} onSelect={setSelection} onClose={close} />
        ) : (
          <aside className="provenance data-hint"><h2>{m.provenanceTitle}</h2><p className="hint">{m.dataSourceHint}</p></aside>
        )}
      </div>
    </div>
  );
}
