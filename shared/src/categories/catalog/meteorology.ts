import type { CategoryDefinition } from '../category.ts';
import type { GradeThresholds } from '../grades.ts';

const MINUTE = 60_000;

/**
 * Colours for 1-hour rainfall. 16 mm/h is the national "rainstorm in one hour" mark (GB/T 28592);
 * 30 and 50 mm/h are the short-duration heavy-rain marks Fujian's warnings use. Cities may change them.
 */
export const rainfall1hThresholds: GradeThresholds = { blue: 8, yellow: 16, orange: 30, red: 50 };

/** Gauges report every 5 minutes; a feed is late after 2 intervals and silent after 6. */
export const rainGaugeCategory = {
  id: 'rain-gauge',
  department: 'meteorology',
  name: { zh: '雨量站', en: 'Rain gauges' },
  kind: 'observation',
  geometry: 'point',
  idField: 'stationId',
  valueField: 'rainfall1hMm',
  unit: 'mm',
  expectedIntervalMs: 5 * MINUTE,
  thresholds: rainfall1hThresholds,
  transports: ['mqtt'],
} as const satisfies CategoryDefinition;

/**
 * Colours of the 10-minute mean wind: the lower bounds of Beaufort force 6, 8, 10 and 12
 * (GB/T 28591 wind scale), the mean-wind marks of China's blue/yellow/orange/red typhoon signals.
 */
export const windSpeedThresholds: GradeThresholds = { blue: 10.8, yellow: 17.2, orange: 24.5, red: 32.7 };

/**
 * Cloud-to-ground strikes in a district in 10 minutes. No national standard grades counts: these are
 * defaults for the wall that a city should tune against its lightning-location network.
 */
export const lightningThresholds: GradeThresholds = { blue: 1, yellow: 10, orange: 30, red: 60 };

/** 气象局: rain, warnings (CAP 1.2), the typhoon, wind and lightning. */
export const meteorologyCategories: readonly CategoryDefinition[] = [
  rainGaugeCategory,
  {
    id: 'weather-warning',
    department: 'meteorology',
    name: { zh: '气象预警信号', en: 'Weather warnings' },
    kind: 'alert',
    geometry: 'area',
    idField: 'alertId',
    // Issued on change; the release system re-sends active warnings at least every 30 minutes.
    expectedIntervalMs: 30 * MINUTE,
    transports: ['cap'],
  },
  {
    id: 'typhoon-track',
    department: 'meteorology',
    name: { zh: '台风路径', en: 'Typhoon track' },
    kind: 'entity',
    geometry: 'point',
    idField: 'typhoonId',
    // The wind is trended with the centre's position: the wall draws the past 24 h track.
    valueField: 'maxWindMs',
    unit: 'm/s',
    tracksPosition: true,
    // CMA issues positions hourly once a typhoon is inside the 24-hour warning line.
    expectedIntervalMs: 60 * MINUTE,
    transports: ['pull'],
  },
  {
    id: 'wind-station',
    department: 'meteorology',
    name: { zh: '风速站', en: 'Wind stations' },
    kind: 'observation',
    geometry: 'point',
    idField: 'stationId',
    valueField: 'windSpeedMs',
    unit: 'm/s',
    expectedIntervalMs: 5 * MINUTE,
    thresholds: windSpeedThresholds,
    transports: ['mqtt'],
  },
  {
    id: 'lightning',
    department: 'meteorology',
    name: { zh: '雷电监测', en: 'Lightning' },
    kind: 'observation',
    geometry: 'area',
    idField: 'areaCode',
    valueField: 'strikes10min',
    unit: 'strikes/10 min',
    expectedIntervalMs: 10 * MINUTE,
    thresholds: lightningThresholds,
  },
];
