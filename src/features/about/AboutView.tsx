/**
 * About the data: how figures are extracted, the pick rule (read from PICK_RULE, so the page cannot
 * drift from what the charts do), what each mark means, the kinds of source and the units.
 * Its words load with this view only (i18n/views/about.ts).
 */
import { Fragment } from 'react';
import { FLAG_NAMES } from '../../core/catalog/flags.ts';
import { UNIT_WORDS_EN } from '../../core/catalog/units.ts';
import { SOURCE_KINDS } from '../../core/schema/tables.ts';
import { PICK_RULE } from '../../db/queries/pick-rule.ts';
import { ABOUT_MESSAGES, type TermLine } from '../i18n/views/about.ts';
import { useI18n } from '../i18n/i18n.tsx';
import './about.css';
import '../shared/export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

/** A sentence with the Chinese words it cites marked as Chinese (read correctly by screen readers in English). */
function WithTerms({ line }: { line: TermLine }) {
  const { lang } = useI18n();
  return (
    <>
      {line.before}{lang === 'en' ? ' ' : ''}
      {line.terms.map((term, i) => (
        <Fragment key={term}>{i > 0 ? (lang === 'zh' ? '、' : ', ') : ''}<q lang="zh-CN">{term}</q></Fragment>
      ))}
      {lang === 'en' && /^[\w("“]/.test(line.after) ? ' ' : ''}{line.after}
    </>
  );
}

export default function AboutView() {
  const { lang, m } = useI18n();
  const a = ABOUT_MESSAGES[lang];
  return (
    <article className="about" data-testid="view-about" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h2>{a.aboutTitle}</h2>
      <p>{a.aboutIntro}</p>

      <section aria-labelledby="about-extract">
        <h3 id="about-extract">{a.aboutExtractTitle}</h3>
        {a.aboutExtract.map((paragraph) => <p key={paragraph}>{paragraph}</p>)}
      </section>

      <section aria-labelledby="about-pick">
        <h3 id="about-pick">{a.aboutPickTitle}</h3>
        <p>{a.aboutPickIntro}</p>
        <ol data-testid="about-pick-rule">
          {PICK_RULE.map((criterion) => <li key={criterion.reason} data-reason={criterion.reason}>{a.aboutPick[criterion.reason]}</li>)}
        </ol>
      </section>

      <section aria-labelledby="about-marks">
        <h3 id="about-marks">{a.aboutMarksTitle}</h3>
        <ul>
          {Object.entries(a.aboutMarks).map(([key, line]) => <li key={key}><WithTerms line={line} /></li>)}
          {a.aboutMarkList.map((item) => <li key={item}>{item}</li>)}
        </ul>
        <ul className="about-flags" aria-label={m.flags}>
          {Object.entries(FLAG_NAMES).map(([code, names]) => <li key={code}><span className="badge-flag">{names[lang]}</span></li>)}
        </ul>
      </section>

      <section aria-labelledby="about-sources">
        <h3 id="about-sources">{a.aboutSourcesTitle}</h3>
        <p>{a.aboutSourcesIntro}</p>
        <dl className="about-terms">
          {SOURCE_KINDS.map((kind) => (
            <Fragment key={kind}>
              <dt>{(m.exportText.sourceKinds as Record<string, string>)[kind] ?? kind}</dt>
              <dd>{a.aboutSources[kind]}</dd>
            </Fragment>
          ))}
        </dl>
      </section>

      <section aria-labelledby="about-units">
        <h3 id="about-units">{a.aboutUnitsTitle}</h3>
        <p>{a.aboutUnitsIntro}</p>
        <dl className="about-terms about-units">
          {Object.entries(UNIT_WORDS_EN).map(([unit, words]) => (
            <Fragment key={unit}>
              <dt lang="zh-CN">{unit}</dt>
              <dd lang="en">{words.other}</dd>
            </Fragment>
          ))}
        </dl>
      </section>
    </article>
  );
}
