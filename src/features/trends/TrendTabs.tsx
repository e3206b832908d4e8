import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTrendsMessages } from './use-trends-messages.ts';

export type TrendTab = 'chart' | 'table';
const TABS: readonly TrendTab[] = ['chart', 'table'];

/**
 * Chart and table as two tabs (the WAI-ARIA tabs pattern): Tab reaches the selected tab, the arrow
 * keys, Home and End move between tabs and select them, Tab again enters the panel.
 */
export function TrendTabs({ tab, onTab, children }: { tab: TrendTab; onTab: (tab: TrendTab) => void; children: ReactNode }) {
  const { t } = useTrendsMessages();
  const id = useId();
  const buttons = useRef(new Map<TrendTab, HTMLButtonElement>());
  const go = (next: TrendTab) => { onTab(next); buttons.current.get(next)?.focus(); };
  const onKeyDown = (event: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = event.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length]
      : event.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length]
        : event.key === 'Home' ? TABS[0] : event.key === 'End' ? TABS.at(-1) : undefined;
    if (next) { event.preventDefault(); go(next); }
  };
  const label = { chart: t.trendsTabChart, table: t.trendsTabTable };
  return (
    <div className="trends-tabs">
      <div role="tablist" aria-label={t.trendsTabsLabel} className="trends-tablist" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" id={`${id}-${name}`} aria-selected={tab === name} aria-controls={`${id}-panel`}
            tabIndex={tab === name ? 0 : -1} className="trends-tab" data-testid={`trends-tab-${name}`}
            ref={(el) => { if (el) buttons.current.set(name, el); else buttons.current.delete(name); }}
            onClick={() => onTab(name)}>
            {label[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`} className="trends-tabpanel">
        {children}
      </div>
    </div>
  );
}
