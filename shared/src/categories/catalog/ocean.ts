import type { CategoryDefinition } from '../category.ts';
import type { GradeThresholds } from '../grades.ts';

const MINUTE = 60_000;

/**
 * Significant wave height in coastal waters, metres: the blue/yellow/orange/red wave-warning marks
 * of the national marine disaster plan (风暴潮、海浪、海啸和海冰灾害应急预案) for near-shore waters.
 */
export const waveHeightThresholds: GradeThresholds = { blue: 2.5, yellow: 3.5, orange: 4.5, red: 6 };

// Tide levels carry no city-wide thresholds: each station's warning tide level (警戒潮位) is in its
// own datum and travels in the record (warningLevelCm).

/** 海洋发展局: tides, waves, storm-surge warnings, fishing boats back in harbour. */
export const oceanCategories: readonly CategoryDefinition[] = [
  {
    id: 'tide-level',
    department: 'ocean',
    name: { zh: '潮位', en: 'Tide levels' },
    kind: 'observation',
    geometry: 'point',
    idField: 'stationId',
    valueField: 'levelCm',
    unit: 'cm',
    expectedIntervalMs: 5 * MINUTE,
    transports: ['mqtt'],
  },
  {
    id: 'wave-height',
    department: 'ocean',
    name: { zh: '海浪', en: 'Wave heights' },
    kind: 'observation',
    geometry: 'point',
    idField: 'stationId',
    valueField: 'significantWaveM',
    unit: 'm',
    expectedIntervalMs: 10 * MINUTE,
    thresholds: waveHeightThresholds,
  },
  {
    id: 'storm-surge-warning',
    department: 'ocean',
    name: { zh: '风暴潮警报', en: 'Storm-surge warnings' },
    kind: 'alert',
    geometry: 'area',
    idField: 'alertId',
    expectedIntervalMs: 30 * MINUTE,
    transports: ['cap'],
  },
  {
    id: 'fishing-boat',
    department: 'ocean',
    name: { zh: '渔船回港', en: 'Fishing boats in harbour' },
    kind: 'entity',
    geometry: 'point',
    idField: 'harbourId',
    expectedIntervalMs: 10 * MINUTE,
  },
];
