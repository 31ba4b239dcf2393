import { activeAlerts } from '../../state/derived.ts';
import type { RegionAreas } from '../areas.ts';
import { type AreaBuckets, type Coverage, type RawFactor, type RiskContext, place } from '../context.ts';
import { type WarningLevel, levelOf, levelRank, num, str } from '../read.ts';
import { WARNING_CATEGORIES, WARNING_LEVEL_POINTS } from '../weights.ts';

export interface ActiveWarning {
  category: string;
  alertId: string;
  level: WarningLevel;
  event: string;
  headline: string;
  coverage: Coverage;
}

const LEVEL_ZH: Record<WarningLevel, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

/**
 * Warnings in force at `now`: active, not expired (derived.ts `activeAlerts`), with a known level.
 * `areas` empty — or missing, which a CAP message without <areaDesc> would give — covers the whole city.
 */
export function readWarnings(ctx: RiskContext): ActiveWarning[] {
  const out: ActiveWarning[] = [];
  for (const { category, record } of activeAlerts(ctx.state, WARNING_CATEGORIES, ctx.now)) {
    const level = levelOf(record.data);
    const expires = num(record.data, 'expiresAt');
    if (!level || (expires !== null && expires <= ctx.now)) continue;
    const areas = record.data.areas;
    const districts = Array.isArray(areas) && areas.length > 0 ? areas.filter((a): a is string => typeof a === 'string') : 'all';
    out.push({
      category,
      alertId: record.entityId,
      level,
      event: str(record.data, 'event') ?? category,
      headline: str(record.data, 'headline') ?? '',
      coverage: { districts, subdistrict: null },
    });
  }
  return out;
}

export function warningsByArea(areas: RegionAreas, warnings: readonly ActiveWarning[]): AreaBuckets<ActiveWarning> {
  const buckets: AreaBuckets<ActiveWarning> = new Map();
  for (const w of warnings) place(areas, buckets, w, w.coverage);
  return buckets;
}

/** The most severe warning covering the area gives the points; the others are named in the detail. */
export function warningFactor(warnings: readonly ActiveWarning[] | undefined): RawFactor | null {
  if (!warnings?.length) return null;
  const sorted = [...warnings].sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.alertId.localeCompare(b.alertId));
  const top = sorted[0]!;
  const more = sorted.length - 1;
  return {
    id: 'warning',
    label: { zh: '预警信号', en: 'Warnings in force' },
    value: top.level,
    points: WARNING_LEVEL_POINTS[top.level],
    detail: {
      zh: `${top.event}${LEVEL_ZH[top.level]}预警生效${top.headline ? `(${top.headline})` : ''}${more ? `,另有 ${more} 项预警` : ''}`,
      en: `${top.level} ${top.event} warning in force (${top.alertId})${more ? `, ${more} more warning${more > 1 ? 's' : ''}` : ''}`,
    },
  };
}
