import { activeTyphoons, compassPoint, fromCentre, typhoonGrade, type LiveState, type Region } from '@beacon/shared';
import { gradeColour, palette } from '../../charts/theme.ts';
import type { Messages } from '../../i18n/index.ts';
import { regionCentre } from '../OneMap/mapGeometry.ts';
import { panelAge, type PanelTone } from '../staleness.ts';

export type ResponseLevel = 'I' | 'II' | 'III' | 'IV';

const ROMAN: Record<ResponseLevel, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };
/** Level I is the highest: red, down to IV blue, as the hall's warning colours. */
const LEVEL_COLOUR: Record<ResponseLevel, string> = { I: gradeColour.red, II: gradeColour.orange, III: gradeColour.yellow, IV: gradeColour.blue };

export function responseLevelView(level: ResponseLevel | null, t: Messages): { text: string; colour: string; active: boolean } {
  if (level === null) return { text: t.wall.responseNone, colour: palette.textMuted, active: false };
  return { text: t.wall.responseLevel(ROMAN[level]), colour: LEVEL_COLOUR[level], active: true };
}

export interface TyphoonBadge {
  title: string;
  grade: string;
  facts: string[];
  distance: string;
  /** How fresh the track is; a silent track feed says since when. */
  age: string | null;
  tone: PanelTone;
}

/** The newest active typhoon for the header, or null when there is none (the header then says so). */
export function typhoonBadge(state: LiveState, region: Region, now: number, t: Messages): TyphoonBadge | null {
  const [ty] = activeTyphoons(state, now);
  if (!ty) return null;
  const grade = typhoonGrade(ty.maxWindMs);
  const where = fromCentre(regionCentre(region), [ty.lon, ty.lat]);
  const facts: string[] = [];
  if (ty.maxWindMs !== null) facts.push(t.wall.typhoonWind(Math.round(ty.maxWindMs * 10) / 10));
  if (ty.pressureHpa !== null) facts.push(t.wall.typhoonPressure(Math.round(ty.pressureHpa)));
  const age = panelAge(state, ['typhoon-track'], now, t);
  return {
    title: t.wall.typhoonName(ty.id, ty.name),
    grade: grade ? t.wall.typhoonGrade[grade] : '',
    facts,
    distance: t.wall.typhoonDistance(region.name, Math.round(where.km), t.wall.compass[compassPoint(where.bearing)]!),
    age: age.text,
    tone: age.tone,
  };
}
