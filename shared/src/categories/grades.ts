/** The four warning colours of the hall, least to most severe; `none` is below every threshold. */
export const gradeOrder = ['none', 'blue', 'yellow', 'orange', 'red'] as const;
export type Grade = (typeof gradeOrder)[number];

/** Lower bounds (inclusive) of each colour; a value below `blue` is `none`. */
export interface GradeThresholds {
  blue: number;
  yellow: number;
  orange: number;
  red: number;
}

export function gradeOf(value: number, t: GradeThresholds): Grade {
  if (value >= t.red) return 'red';
  if (value >= t.orange) return 'orange';
  if (value >= t.yellow) return 'yellow';
  if (value >= t.blue) return 'blue';
  return 'none';
}
