import { useMemo } from 'react';
import type { Database } from '../../db/database.ts';
import { useDatabase } from '../shared/database.tsx';
import { placeLabel } from '../../core/regions/place-label.ts';
import { PROFILE_CSV_COLUMNS, profileCsvRows, type ProfileCsvSource } from '../../charts/export-profile.ts';
import { markedValue } from '../../charts/compare-text.ts';
import { formatPeriod } from '../../charts/format-value.ts';
import { rankDirection } from '../../db/queries/compare.ts';
import type { IndicatorCoverage } from '../../db/queries/indicators.ts';
import type { PeerSpec } from '../../db/queries/peers.ts';
import { flagCode } from '../../db/queries/pick.ts';
import { percentileOf, summarise, type ProfileSummary } from '../../db/queries/profile.ts';
import { useAppState } from '../shared/app-state/app-state.ts';
import { formatChange } from '../shared/format-change.ts';
import { PeerPicker } from '../shared/pickers/PeerPicker.tsx';
import { PlacePicker } from '../shared/pickers/PlacePicker.tsx';
import { resolveFocus } from '../shared/resolve.ts';
import { usePeerMembers, usePlaces } from '../shared/data/use-places.ts';
import '../shared/view-layout.css';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBox, Loading } from '../shared/status/Status.tsx';
import { ProvenancePanel } from '../shared/provenance/ProvenancePanel.tsx';
import { useIndicators } from '../shared/data/use-catalog.ts';
import { placesScope } from '../../db/index.ts';
import { dataPage, NO_FILTERS } from '../../db/queries/data-table.ts';
import { CsvExportButton } from '../shared/export/CsvExportButton.tsx';
import { Sparkline } from './Sparkline.tsx';
import { useObsIndicator } from '../shared/data/use-obs-indicator.ts';
import { useDatasetYears, usePeerStandings, useProfileFigures } from './use-profile-data.ts';
import './profile.css';
import '../shared/user-data/user-data.css';

/** At most this many rows of one place are read for the CSV's quotes (far above any place's count). */
const MAX_PLACE_ROWS = 100_000;

/** The sentence and report of every row of the place (the Data view's query), by obs_id. */
async function latestSources(database: Database, regionCode: string): Promise<Map<string, ProfileCsvSource>> {
  const rows = await dataPage(await database.forScope(placesScope([regionCode]), 'profile'), { ...NO_FILTERS, regionCodes: [regionCode] }, 'indicator', MAX_PLACE_ROWS, 0);
  return new Map(rows.map((r) => [r.obs_id, { quote: r.quote, report_id: r.report_id, report_title: r.report_title, publisher: r.publisher, url: r.url }]));
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
  const spec = useMemo<PeerSpec | null>(() => (focus ? { group: state.peers, focus: focus.region_code, custom } : null), [focus, state.peers, custom]);
  const members = usePeerMembers(spec);
  const figures = useProfileFigures(focus?.region_code ?? null);
  const standings = usePeerStandings(spec);
  const rows = useMemo(
    () => (catalog.data && figures.data ? summarise(catalog.data.indicators.map((i) => i.indicator_id), figures.data, standings.data ?? []) : null),
    [catalog.data, figures.data, standings.data],
  );

  if (catalog.isError) return <ErrorBox error={catalog.error} />;
  if (places.isError) return <ErrorBox error={places.error} />;
  if (catalog.isPending || places.isPending) return <div data-testid="view-profile"><Loading text={m.loadingDb} /></div>;
  if (!focus) return <div data-testid="view-profile"><p className="status">{m.noCoverage}</p></div>;

  const focusName = placeLabel(focus, lang);
  const unknownFocus = state.focus !== null && state.focus !== focus.region_code;
  const indicators = new Map(catalog.data.indicators.map((i) => [i.indicator_id, i]));
  const groups = new Map<string, ProfileSummary[]>();
  for (const row of rows ?? []) {
    const i = indicators.get(row.indicator_id)!;
    const label = lang === 'zh' ? i.category_zh : i.category_en;
    groups.set(label, [...(groups.get(label) ?? []), row]);
  }
  const reported = rows?.filter((r) => r.latest) ?? [];
  const years = reported.flatMap((r) => r.series.map((f) => f.year));
  const nameOf = (i: IndicatorCoverage) => (lang === 'zh' ? i.name_zh : i.name_en);

  return (
    <div className="profile" data-testid="view-profile">
      <section className="controls profile-controls" aria-label={m.profileTitle}>
        <PlacePicker places={places.data} value={focus.region_code} label={m.profilePlaceLabel}
          onChange={(code) => void setState({ focus: code, obs: null })} />
        {unknownFocus && <p className="compare-warn">{m.compareUnknownPlace(state.focus ?? '', focusName)}</p>}
        <p className="profile-facts">{m.profilePlaceFacts(lang === 'zh' ? focus.level_zh || focus.level : focus.level, focus.prefecture_name, focus.province_name, focus.region_code)}</p>
        <PeerPicker
          places={places.data} focus={focus} group={state.peers} custom={custom} memberCount={members.data?.length ?? null}
          onGroupChange={(group) => {
            // "My own list" starts from the prefecture or province group the reader was looking at (never from all places).
            const seed = group === 'custom' && custom.length === 0 && (state.peers === 'prefecture' || state.peers === 'province')
              ? (members.data ?? []).filter((c) => c !== focus.region_code) : null;
            void setState({ peers: group === 'all' ? null : group, ...(seed ? { regions: seed } : {}) });
          }}
          onCustomChange={(codes) => void setState({ regions: codes })}
        />
        <p className="note">{m.profilePercentileExplain}</p>
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
                  place: focus, peerGroup: state.peers, lang, sources: await latestSources(database, focus.region_code),
                }),
              })} />
          </div>
        </div>
        {figures.isError && <ErrorBox error={figures.error} />}
        {standings.isError && <ErrorBox error={standings.error} />}
        {rows === null && !figures.isError && <Loading text={m.loadingData} />}
        {rows && (
          <p className="profile-summary">
            {reported.length > 0
              ? m.profileSummary(reported.length, rows.length, years.length ? Math.min(...years) : null, years.length ? Math.max(...years) : null)
              : m.profileNoFigures(focusName)}
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
                      <IndicatorRow key={row.indicator_id} row={row} indicator={i} name={nameOf(i)} years={yearRange.data ?? null}
                        selected={selection} onSelect={setSelection} />
                    );
                  })}
                </tbody>
              ))}
            </table>
          )}
        </div>
        <p className="note">{m.pickRule}</p>
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

interface RowProps {
  row: ProfileSummary;
  indicator: IndicatorCoverage;
  name: string;
  years: readonly [number, number] | null;
  selected: string | null;
  onSelect: (obsId: string) => void;
}

function IndicatorRow({ row, indicator, name, years, selected, onSelect }: RowProps) {
  const { lang, m } = useI18n();
  const unit = indicator.unit;
  const title = lang === 'zh' ? indicator.definition_zh : indicator.definition_en;
  const head = (
    <th scope="row" className="profile-indicator" title={title}>
      {name}{unit ? <span className="profile-unit"> ({unit})</span> : null}
    </th>
  );
  const { latest, previous, change, standing } = row;
  if (!latest) {
    return (
      <tr className="profile-not-reported">
        {head}
        <td colSpan={6}>{m.profileNotReported}</td>
      </tr>
    );
  }
  const prevYear = latest.year - 1;
  const changeText = change
    ? m.profileChange(prevYear, latest.year, formatChange(change, unit, lang, m.comparePercentPoints))
    : previous ? m.profileNotComparable(prevYear, latest.year) : m.profileNoPrevious(prevYear);
  const percentile = standing ? percentileOf(standing) : null;
  let standingText: string;
  if (!standing) standingText = latest.period === 'year' ? '—' : m.profilePartYearNotRanked;
  else if (standing.n === 1) standingText = m.profileAlone;
  else if (standing.n < 3 || percentile === null) standingText = m.profileTooFew(standing.n);
  else standingText = m.profilePercentile(percentile, standing.n);
  const standingYear = standing && standing.year !== latest.year ? m.profileStandingYear(standing.year) : '';
  const badges = [
    ...(latest.period !== 'year' ? [{ text: `${m.profileFlagPartYear}: ${formatPeriod(latest.period, lang)}`, kind: 'warn' }] : []),
    ...(latest.approx !== 'exact' ? [{ text: m.chart.approx[latest.approx], kind: 'warn' }] : []),
    ...(latest.value_kind === 'derived' ? [{ text: m.profileFlagDerived, kind: 'warn' }] : []),
    ...latest.flags.map((f) => ({ text: m.flagNames[flagCode(f)] ?? flagCode(f), kind: 'flag', title: f })),
    ...(latest.origin === 'user' ? [{ text: m.userDataMark, kind: 'user' }] : []),
  ];
  const sparkYears = row.series.map((f) => `${f.year} ${markedValue(f, unit, lang)}${f.period === 'year' ? '' : ` (${formatPeriod(f.period, lang)})`}`).join('; ');
  return (
    <tr>
      {head}
      <td data-label={m.profileColLatest}>
        <button type="button" className={`profile-value${selected === latest.obs_id ? ' profile-selected' : ''}${latest.period === 'year' ? '' : ' profile-part'}`}
          title={m.profileValueTitle} aria-pressed={selected === latest.obs_id} onClick={() => onSelect(latest.obs_id)}>
          {markedValue(latest, unit, lang)}
        </button>
      </td>
      <td data-label={m.profileColWhen} className="profile-when">{latest.year} · {formatPeriod(latest.period, lang)}</td>
      <td data-label={m.profileColChange} className={change ? '' : 'profile-muted'}>{changeText}</td>
      <td data-label={m.profileColPercentile} className={percentile !== null && standing && standing.n >= 3 ? '' : 'profile-muted'}
        title={m.compareChart.direction[rankDirection(indicator.higher_is_better)]}>
        {standingText}{standingYear && <span className="profile-standing-year"> · {standingYear}</span>}
      </td>
      <td data-label={m.profileColTrend} className="profile-spark">
        <Sparkline points={row.series} years={years} ariaLabel={m.profileSparkAria(name, sparkYears)} />
      </td>
      <td data-label={m.profileColFlags} className={badges.length > 0 ? '' : 'profile-noflags'}>
        {badges.length > 0 && (
          <ul className="badges profile-badges">
            {badges.map((b) => <li key={b.text} className={b.kind === 'flag' ? 'badge-flag' : b.kind === 'user' ? 'user-data-badge' : 'badge-warn'} title={'title' in b ? b.title : undefined}>{b.text}</li>)}
          </ul>
        )}
      </td>
    </tr>
  );
}
