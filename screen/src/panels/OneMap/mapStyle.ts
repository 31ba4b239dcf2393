import { gradeColour, mix, palette } from '../../charts/theme.ts';

/**
 * Symbols and colours of the one-map. Shape tells the kind of thing (read from 10 m even by the
 * colour-blind), colour tells its state; grade colours mean the same as everywhere on the wall.
 */
export const symbols = {
  team: 'triangle',
  depot: 'rect',
  shelter: 'roundRect',
  geohazard: 'diamond',
  waterlogging: 'path://M12 1C12 1 3 11.5 3 16.5a9 9 0 0 0 18 0C21 11.5 12 1 12 1z',
  incident: 'pin',
  gauge: 'circle',
} as const;

export const teamStatusColour: Record<string, string> = {
  standby: palette.live,
  dispatched: gradeColour.yellow,
  'on-site': gradeColour.orange,
  returning: palette.accent,
  resting: palette.textMuted,
};

export const severityColour: Record<string, string> = {
  I: gradeColour.red,
  II: gradeColour.orange,
  III: gradeColour.yellow,
  IV: gradeColour.blue,
};

export const geohazardColour: Record<string, string> = {
  low: gradeColour.blue,
  medium: gradeColour.yellow,
  high: gradeColour.orange,
  'very-high': gradeColour.red,
};

export const depotColour = '#c792ff';

/** Shelter fill by how full it is: room, nearly full (≥ 80 %), full or over. */
export function shelterColour(occupancy: number, capacity: number): string {
  if (capacity <= 0 || occupancy >= capacity) return gradeColour.red;
  if (occupancy >= 0.8 * capacity) return gradeColour.yellow;
  return palette.live;
}

/** Waterlogging by depth: 15 cm closes a lane (GB 51222), 40 cm stalls cars — the risk model's marks. */
export function waterloggingColour(depthCm: number): string {
  if (depthCm >= 40) return gradeColour.red;
  if (depthCm >= 15) return gradeColour.orange;
  return '#7fd3e6';
}

/** District fill by risk grade: a dark tint keeps white labels legible and markers on top visible. */
export function riskFill(grade: keyof typeof gradeColour): string {
  return grade === 'none' ? palette.mapArea : mix(gradeColour[grade], palette.stage, 0.55);
}

export const typhoonStyle = {
  radius: { 7: '#ffd60a', 10: '#ff9228', 12: '#ff5252' },
  cone: 'rgba(233, 240, 247, 0.06)',
  coneBorder: 'rgba(233, 240, 247, 0.55)',
  path: '#e9f0f7',
  centre: '#ff5252',
} as const;

/** Population heat classes (people per cell), each a deeper magenta; transparent so the map shows through. */
export const populationClasses = [
  { min: 1, colour: 'rgba(190, 90, 255, 0.08)' },
  { min: 2_000, colour: 'rgba(200, 90, 255, 0.16)' },
  { min: 10_000, colour: 'rgba(220, 90, 240, 0.28)' },
  { min: 40_000, colour: 'rgba(240, 90, 220, 0.42)' },
] as const;
