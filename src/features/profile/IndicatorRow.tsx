import { unitLabel } from '../../core/catalog/units.ts';
import { markedValue } from '../../charts/compare-text.ts';
import { placeLabel } from '../../core/regions/place-label.ts';
import { formatPeriod, formatValue } from '../../charts/format-value.ts';
import { rankDirection } from '../../db/queries/compare.ts';
import type { IndicatorCoverage } from '../../db/queries/indicators.ts';
import type { Absence } from '../../db/queries/place-reports.ts';
import { describeFlag, flagName } from '../../core/catalog/flags.ts';
import { percentileOf, rankOf, type ProfileSummary } from '../../db/queries/profile.ts';
import { formatChange } from '../shared/format-change.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Sparkline } from './Sparkline.tsx';
import '../shared/export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

interface Props {
  row: ProfileSummary;
  /** The place's own colour (`placeColors`), the same as its line in Trends and its bar in Compare. */
  color: string;
  indicator: IndicatorCoverage;
  name: string;
  years: readonly [number, number] | null;
  /** What a missing figure means for this place (a full report lacks it, or only excerpts are held). */
  absence: Absence;
  tolerance: number;
  selected: string | null;
  onSelect: (obsId: string) => void;
}

/** At most this many other-year peers are named in a cell. */
const NAMED_OTHER_YEARS = 3;

/** One indicator of the place: latest figure, change, standing among peers in range, years, flags. */
export function IndicatorRow({ row, color, indicator, name, years, absence, tolerance, selected, onSelect }: Props) {
  const { lang, m } = useI18n();
  const unit = indicator.unit;
  const title = lang === 'zh' ? indicator.definition_zh : indicator.definition_en;
  const head = (
    <th scope="row" className="profile-indicator" title={title}>
      {name}{unit ? <span className="profile-unit"> ({unitLabel(unit, lang)})</span> : null}
    </th>
  );
  const { latest, previous, change, standing } = row;
  if (!latest) {
    const yearList = 'years' in absence ? absence.years.join(lang === 'zh' ? '、' : ', ') : '';
    const [text, hint, testId] = absence.kind === 'not-reported' ? [m.profileNotReported, m.profileNotReportedTitle(yearList), 'not-reported']
      : absence.kind === 'not-in-excerpt' ? [m.profileNotInExcerpt, m.profileNotInExcerptTitle(yearList), 'not-in-excerpt']
        : [m.profileNoText, undefined, 'no-text'];
    return (
      <tr className="profile-not-reported" data-absence={testId}>
        {head}
        <td colSpan={6} title={hint}>{text}</td>
      </tr>
    );
  }
  const direction = rankDirection(indicator.higher_is_better);
  const prevYear = latest.year - 1;
  const changeText = change
    ? m.profileChange(prevYear, latest.year, formatChange(change, unit, lang, m.comparePercentPoints))
    : previous ? m.profileNotComparable(prevYear, latest.year) : m.profileNoPrevious(prevYear);
  const percentile = standing ? percentileOf(standing) : null;
  let standingText: string;
  if (!standing) standingText = latest.period === 'year' ? '—' : m.profilePartYearNotRanked;
  else if (standing.n === 1) standingText = m.profileAloneInRange(m.compareChart.range(standing.year, tolerance));
  else {
    const rank = rankOf(standing, direction);
    const tied = standing.n - standing.n_below - standing.n_above > 1;
    const parts = [m.profileRank(rank, standing.n, tied)];
    // Fewer than three: no percentile and no median (the column's explanation says why).
    if (standing.n >= 3 && percentile !== null) parts.push(m.profilePercentile(percentile), m.profileMedian(formatValue(standing.median, unit, lang)));
    standingText = parts.join(' · ');
  }
  const otherYears = standing?.other_years ?? [];
  const otherText = otherYears.slice(0, NAMED_OTHER_YEARS).map((o) => m.compareChart.otherYear(placeLabel(o, lang), o.year)).join(m.compareChart.otherYearsSeparator)
    + (otherYears.length > NAMED_OTHER_YEARS ? m.exportText.more(otherYears.length - NAMED_OTHER_YEARS) : '');
  const standingYear = standing && standing.year !== latest.year ? m.profileStandingYear(standing.year) : '';
  const badges = [
    ...(latest.period !== 'year' ? [{ text: `${m.profileFlagPartYear}: ${formatPeriod(latest.period, lang)}`, kind: 'warn' }] : []),
    ...(latest.approx !== 'exact' ? [{ text: m.chart.approx[latest.approx], kind: 'warn' }] : []),
    ...(latest.value_kind === 'derived' ? [{ text: m.profileFlagDerived, kind: 'warn' }] : []),
    ...latest.flags.map((f) => ({ text: flagName(f, lang), kind: 'flag', title: describeFlag(f, lang) })),
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
      <td data-label={m.profileColPercentile} className={standing && standing.n >= 2 ? '' : 'profile-muted'} data-testid="profile-standing"
        title={m.compareChart.direction[direction]}>
        {standingText}{standingYear && <span className="profile-standing-year"> · {standingYear}</span>}
        {otherText && <span className="profile-other-years">{otherText}</span>}
      </td>
      <td data-label={m.profileColTrend} className="profile-spark">
        <Sparkline points={row.series} years={years} color={color} ariaLabel={m.profileSparkAria(name, sparkYears)} />
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
