import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;

/** 教育局: schools closed, schools opened as shelters. */
export const educationCategories: readonly CategoryDefinition[] = [
  {
    id: 'school-closure',
    department: 'education',
    name: { zh: '停课', en: 'School closures' },
    kind: 'entity',
    geometry: 'point',
    idField: 'schoolId',
    expectedIntervalMs: 30 * MINUTE,
  },
  {
    id: 'school-shelter',
    department: 'education',
    name: { zh: '学校避灾点', en: 'Schools used as shelters' },
    kind: 'entity',
    geometry: 'point',
    idField: 'schoolId',
    expectedIntervalMs: 15 * MINUTE,
  },
];
