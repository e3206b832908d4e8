import { useMemo } from 'react';
import type { Database } from '../../db/database.ts';
import { useDatabase } from '../shared/database.tsx';
import { areaLabel, placeLabel } from '../../core/regions/place-label.ts';
import { PROFILE_CSV_COLUMNS, profileCsvRows, type ProfileCsvSource } from '../../charts/export-profile.ts';
import { rankDirection } from '../../db/queries/compare.ts';
import type { IndicatorCoverage } from '../../db/queries/indicators.ts';
import { resolvePeerLevel, type PeerSpec } from '../../db/queries/peers.ts';
import { absenceOf } from '../../db/queries/place-reports.ts';
import { summarise, type ProfileSummary } from '../../db/queries/profile.ts';
import { clampTolerance } from '../../db/queries/year-tolerance.ts';
import { useAppState } from '../shared/app-state/app-state.ts';
import { PeerPicker } from '../shared/pickers/PeerPicker.tsx';
import { PlacePicker } from '../shared/pickers/PlacePicker.tsx';
import { ToleranceSelect } from '../shared/pickers/ToleranceSelect.tsx';
import { resolveFocus } from '../shared/resolve.ts';
import { usePeerMembers, usePlaces } from '../shared/data/use-places.ts';
import '../shared/view-layout.css';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBox, Loading } from '../shared/status/Status.tsx';
import { ProvenancePanel } from '../shared/provenance/ProvenancePanel.tsx';
import { useIndicators } from '../shared/data/use-catalog.ts';
import { dataPage, NO_FILTERS } from '../../db/queries/data-table.ts';
import { CsvExportButton } from '../shared/export/CsvExportButton.tsx';
import { IndicatorRow } from './IndicatorRow.tsx';
import { placeColors } from '../../charts/place-colors.ts';
import { useObsIndicator } from '../shared/data/use-obs-indicator.ts';
import { useDatasetYears, usePeerStandings, usePlaceTexts, useProfileFigures } from './use-profile-data.ts';
import { useIdlePrefetch } from '../shared/data/idle-prefetch.ts';
import { likelyProfileSteps } from '../shared/data/profile-queries.ts';
import './profile.css';
import '../shared/user-data/user-data.css';
import { addViewMessages } from '../i18n/messages.ts';
import { PROFILE_MESSAGES } from '../i18n/views/profile.ts';
import { COMPARE_MESSAGES } from '../i18n/views/compare.ts';

// This view's words arrive with its chunk, not in the entry (src/features/i18n/messages.ts).
addViewMessages(PROFILE_MESSAGES, COMPARE_MESSAGES);
import { AboutLink } from '../shared/about-link/AboutLink.tsx';

/** At most this many rows of one place are read for the CSV's quotes (far above any place's count). */
const MAX_PLACE_ROWS = 100_000;

/** The sentence and report of every row of the place (the Data view's query), by obs_id. */
async function latestSources(database: Database, regionCode: string): Promise<Map<string, ProfileCsvSource>> {
  const rows = await dataPage(await database.forPlaces([regionCode], 'profile'), { ...NO_FILTERS, regionCodes: [regionCode] }, 'indicator', MAX_PLACE_ROWS, 0);
  return new Map(rows.map((r) => [r.obs_id, { quote: r.quote, report_id: r.report_id, report_title: r.report_title, publisher: r.publisher, source_kind: r.source_kind, published: r.published, url: r.url }]));
}

export default function ProfileView() {
  const { lang, m } = useI18n();
  const database = useDatabase();
  const catalog = useIndicators();
  const places = usePlaces();
  const yearRange = useDatasetYears();
  const [state, setState] = useAppState();
  /** The observation shown in the source panel (in the URL: a copied link reopens it), and its indicator. */
  const selection = state.obs;
  const setSelection = (obs: string | null) => void setState({ obs });
  const selectedIndicator = useObsIndicator(selection, catalog.data?.indicators, lang);

  const focus = places.data ? resolveFocus(places.data, state.focus) : undefined;
  const custom = useMemo(() => state.regions ?? [], [state.regions]);
  const level = resolvePeerLevel(state.level, focus);
  const spec = useMemo<PeerSpec | null>(() => (focus ? { group: state.peers, focus: focus.region_code, custom, level } : null), [focus, state.peers, custom, level]);
  const tolerance = clampTolerance(state.tol);
  // The figures first: the table draws from them alone, and DuckDB answers one query after another.
  const figures = useProfileFigures(focus?.region_code ?? null);
  const members = usePeerMembers(spec);
  const standings = usePeerStandings(spec, tolerance);
  const texts = usePlaceTexts(focus?.region_code ?? null);
  // Once the table is drawn: the tables of the other places of the peer group, a likely next choice (issue 12).
  const peerCodes = figures.data && members.data ? members.data.filter((code) => code !== focus?.region_code) : null;
  useIdlePrefetch(peerCodes && focus ? JSON.stringify([focus.region_code, peerCodes]) : null, () => likelyProfileSteps(database, peerCodes ?? []));
  const rows = useMemo(
    () => (catalog.data && figures.data ? summarise(catalog.data.indicators.map((i) => i.indicator_id), figures.data, standings.data ?? []) : null),
    [catalog.data, figures.data, standings.data],
  );

  if (catalog.isError) return <ErrorBox error={catalog.error} />;
  if (places.isError) return <ErrorBox error={places.error} />;
  if (catalog.isPending || places.isPending) return <div data-testid="view-profile"><Loading text={m.loadingDb} /></div>;
  if (!focus) return <div data-testid="view-profile"><p className="status">{m.noCoverage}</p></div>;

  const focusName = placeLabel(focus, lang);
  // The place's own colour, as in Trends and Compare.
  const placeColor = placeColors([focus.region_code]).get(focus.region_code)!;
  const unknownFocus = state.focus !== null && state.focus !== focus.region_code;
  const indicators = new Map(catalog.data.indicators.map((i) => [i.indicator_id, i]));
  const groups = new Map<string, ProfileSummary[]>();
  for (const row of rows ?? []) {
    const i = indicators.get(row.indicator_id)!;
    const label = lang === 'zh' ? i.category_zh : i.category_en;
    groups.set(label, [...(groups.get(label) ?? []), row]);
  }
  const reported = rows?.filter((r) => r.latest) ?? [];
  // Part-year figures are never counted as years: the summary names whole-year years, and counts the others apart.
  const wholeYears = [...new Set(reported.flatMap((r) => r.series.filter((f) => f.period === 'year').map((f) => f.year)))];
  const partOnlyYears = new Set(reported.flatMap((r) => r.series.filter((f) => f.period !== 'year').map((f) => f.year)).filter((y) => !wholeYears.includes(y)));
  const absence = absenceOf(texts.data ?? { full_years: [], excerpt_years: [] });
  const absenceYears = 'years' in absence ? absence.years.join(lang === 'zh' ? '、' : ', ') : '';
  const directions = new Map(catalog.data.indicators.map((i) => [i.indicator_id, rankDirection(i.higher_is_better)]));
  const nameOf = (i: IndicatorCoverage) => (lang === 'zh' ? i.name_zh : i.name_en);

  return (
    <div className="profile" data-testid="view-profile">
      <section className="controls profile-controls" aria-label={m.profileTitle}>
        <PlacePicker places={places.data} value={focus.region_code} label={m.profilePlaceLabel}
          onChange={(code) => void setState({ focus: code, obs: null })} />
        {unknownFocus && <p className="compare-warn">{m.compareUnknownPlace(state.focus ?? '', focusName)}</p>}
        <p className="profile-facts">{m.profilePlaceFacts(lang === 'zh' ? focus.level_zh || focus.level : focus.level, areaLabel(focus.prefecture_name, focus.prefecture_pinyin, lang), areaLabel(focus.province_name, focus.province_pinyin, lang), focus.region_code)}</p>
        <PeerPicker
          places={places.data} focus={focus} group={state.peers} custom={custom} memberCount={members.data?.length ?? null}
          onGroupChange={(group) => {
            // "My own list" starts from the prefecture or province group the reader was looking at (never from all places).
            const seed = group === 'custom' && custom.length === 0 && (state.peers === 'prefecture' || state.peers === 'province')
              ? (members.data ?? []).filter((c) => c !== focus.region_code) : null;
            void setState({ peers: group === 'all' ? null : group, ...(seed ? { regions: seed } : {}) });
          }}
          onCustomChange={(codes) => void setState({ regions: codes })}
          level={level} onLevelChange={(chosen) => void setState({ level: chosen, obs: null })}
        />
        <ToleranceSelect tolerance={tolerance} onChange={(t) => void setState({ tol: t === 1 ? null : t, obs: null })} />
        <p className="note">{m.profilePercentileExplain(tolerance)}</p>
        <p className="note">{m.profileChangeExplain}</p>
      </section>

      <section className="chart-area profile-main">
        <div className="compare-head">
          <h2>{m.profileHeading(focusName)}</h2>
          <div className="profile-export">
            <CsvExportButton title={m.profileExportTitle(focusName)} hint={m.profileExportHint} disabled={!rows}
              build={async () => ({
                columns: PROFILE_CSV_COLUMNS,
                rows: profileCsvRows(rows ?? [], catalog.data.indicators, {
                  place: focus, peerGroup: state.peers, lang, sources: await latestSources(database, focus.region_code), absence, tolerance, directions,
                }),
              })} />
          </div>
        </div>
        {figures.isError && <ErrorBox error={figures.error} />}
        {standings.isError && <ErrorBox error={standings.error} />}
        {rows === null && !figures.isError && <Loading text={m.loadingData} />}
        {rows && (
          <p className="profile-summary" data-testid="profile-summary">
            {reported.length > 0
              ? m.profileSummary(reported.length, rows.length, wholeYears.length ? Math.min(...wholeYears) : null, wholeYears.length ? Math.max(...wholeYears) : null, partOnlyYears.size)
              : m.profileNoFigures(focusName)}
            {texts.data && rows.length > reported.length && <> {m.profileRest(rows.length - reported.length, absence.kind, absenceYears)}</>}
          </p>
        )}
        <div className="profile-table-wrap" data-testid="chart">
          {rows && (
            <table className="profile-table">
              <thead>
                <tr>
                  <th scope="col">{m.profileColIndicator}</th>
                  <th scope="col">{m.profileColLatest}</th>
                  <th scope="col">{m.profileColWhen}</th>
                  <th scope="col">{m.profileColChange}</th>
                  <th scope="col">{m.profileColPercentile}</th>
                  <th scope="col">{m.profileColTrend}</th>
                  <th scope="col">{m.profileColFlags}</th>
                </tr>
              </thead>
              {[...groups].map(([category, members]) => (
                <tbody key={category}>
                  <tr className="profile-category"><th colSpan={7} scope="rowgroup">{category}</th></tr>
                  {members.map((row) => {
                    const i = indicators.get(row.indicator_id)!;
                    return (
                      <IndicatorRow key={row.indicator_id} row={row} color={placeColor} indicator={i} name={nameOf(i)} years={yearRange.data ?? null}
                        absence={absence} tolerance={tolerance} selected={selection} onSelect={setSelection} />
                    );
                  })}
                </tbody>
              ))}
            </table>
          )}
        </div>
        <AboutLink />
      </section>

      <ProvenancePanel
        obsId={selection}
        indicator={selectedIndicator}
        onSelect={setSelection}
        onClose={() => setSelection(null)}
      />
    </div>
  );
}
