import { activeAlerts, type LiveState } from '@beacon/shared';
import { own } from '@beacon/shared';
import { gradeColour } from '../../charts/theme.ts';
import { localName, type Locale, type Messages } from '../../i18n/index.ts';
import type { Region } from '@beacon/shared';
import { panelAge, type PanelAge } from '../staleness.ts';

export const WARNING_CATEGORIES = ['weather-warning', 'storm-surge-warning', 'flash-flood-warning', 'geohazard-warning'] as const;
const LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
type Level = (typeof LEVELS)[number];

export interface WarningRow {
  id: string;
  /** Which of the four warning feeds it came from (weather, storm surge, flash flood, geohazard). */
  category: string;
  level: Level;
  colour: string;
  /** e.g. "台风 红色". */
  title: string;
  areas: string;
  ageText: string;
}

export interface WarningsView {
  counts: { level: Level; label: string; colour: string; count: number }[];
  rows: WarningRow[];
  age: PanelAge;
}

/** The warning type in the screen's language, or as the department sent it when we do not know it. */
function eventName(event: unknown, t: Messages): string {
  const sent = typeof event === 'string' ? event : '';
  return own(t.wall.warningEvent, sent) ?? sent;
}

/** Warnings in force, most severe first, with a count per colour: the hall reads the colours before the words. */
export function warningsView(state: LiveState, region: Region, now: number, locale: Locale, t: Messages, limit = 5): WarningsView {
  const active = activeAlerts(state, WARNING_CATEGORIES, now);
  const rows = active.flatMap(({ category, record }): WarningRow[] => {
    const level = record.data.level as Level;
    if (!LEVELS.includes(level)) return [];
    const areas = Array.isArray(record.data.areas) ? (record.data.areas as string[]) : [];
    return [
      {
        id: `${category}/${record.entityId}`,
        category,
        level,
        colour: gradeColour[level],
        title: `${eventName(record.data.event, t)} ${t.wall.warningLevel[level]}`.trim(),
        areas: areas.length === 0 ? t.wall.wholeCity : areas.map((a) => localName(own(region.districtNames, a), locale, a)).join(locale === 'en' ? ', ' : '、'),
        ageText: t.wall.ago(t.age(Math.max(0, now - record.observedAt))),
      },
    ];
  });
  return {
    counts: LEVELS.map((level) => ({ level, label: t.wall.warningLevel[level], colour: gradeColour[level], count: rows.filter((r) => r.level === level).length })),
    rows: rows.slice(0, limit),
    age: panelAge(state, WARNING_CATEGORIES, now, t),
  };
}
