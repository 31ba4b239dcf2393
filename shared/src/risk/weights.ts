// Every number the multi-hazard risk model (多灾种综合风险评估模型) uses, in one place, so the bureau
// can tune the model by reading one file. Points are points of the 0–100 score; README.md shows how
// they combine. Change a weight here and the README's worked example and its test must change too.
import type { GradeThresholds } from '../categories/grades.ts';
import { rainfall1hThresholds } from '../categories/catalog/meteorology.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// ── Grade of an area from its score ──────────────────────────────────────────────────────────
/** Score marks of the four colours: a quarter of the scale per colour, with `none` below 10 so a drizzle never colours the map. */
export const RISK_GRADE_THRESHOLDS: GradeThresholds = { blue: 10, yellow: 25, orange: 50, red: 75 };
/** The score's ceiling. */
export const MAX_SCORE = 100;

// ── Rainfall ─────────────────────────────────────────────────────────────────────────────────
/** 1-hour rainfall colours: the rain gauges' own marks (8/16/30/50 mm), so the model and the gauge map agree. */
export const RAIN_1H_THRESHOLDS: GradeThresholds = rainfall1hThresholds;
/**
 * 3-hour accumulation colours, mm. Orange and red are the 3 h criteria of the rainstorm orange and red
 * signals (50 mm and 100 mm in 3 h); blue and yellow are the blue (50 mm / 12 h) and yellow (50 mm / 6 h)
 * signals' rates carried over 3 hours (12.5 → 15, 25 mm).
 */
export const RAIN_3H_THRESHOLDS: GradeThresholds = { blue: 15, yellow: 25, orange: 50, red: 100 };
/**
 * Rain at its worst everywhere in an area (red 1 h at every gauge, red 3 h) gives 55 points: orange
 * on rain alone, red with any warning. The wettest gauge carries the most of it: one cloudburst over
 * a hillside village is where people die.
 */
export const RAIN_MAX_1H_POINTS = 25;
/** The mean over the area's gauges tells a district-wide downpour from one wet gauge; it saturates drains everywhere. */
export const RAIN_MEAN_1H_POINTS = 10;
/** Three hours of rain fill rivers and soak slopes that one hour does not: flash floods and landslides follow accumulation. */
export const RAIN_3H_POINTS = 20;

// ── Warnings in force ────────────────────────────────────────────────────────────────────────
/**
 * Points of the most severe warning covering the area. A red warning alone makes an area yellow and
 * takes it most of the way to orange: it is the forecasters' judgement, but the measured hazards must
 * confirm it before the wall turns red. Only the most severe warning counts: the hazards behind the
 * others (rain, tide, slopes) are measured by their own factors.
 */
export const WARNING_LEVEL_POINTS = { blue: 8, yellow: 16, orange: 28, red: 40 } as const;
/** The warning categories the model reads (weather, flash flood, geo-hazard, storm surge). */
export const WARNING_CATEGORIES = ['weather-warning', 'flash-flood-warning', 'geohazard-warning', 'storm-surge-warning'] as const;

// ── Typhoon ──────────────────────────────────────────────────────────────────────────────────
/**
 * Points by the wind circle the area's centre lies in. Inside the force-12 circle alone it is nearly
 * orange; with a red typhoon warning (40) it is red — what the hall expects when the eye is overhead.
 */
export const TYPHOON_ZONE_POINTS = { force12: 40, force10: 28, force7: 15 } as const;
/**
 * Radii used when a position carries none at all, km: typical of a strong typhoon at the Fujian coast
 * (CMA bulletins). When a position carries some radii, a missing one means the storm has no such winds.
 */
export const DEFAULT_TYPHOON_RADII_KM = { force12: 50, force10: 100, force7: 250 } as const;
/** Without radii, a circle is assumed only if the storm's max wind reaches it (m/s, Beaufort 7/10/12 lower bounds). */
export const TYPHOON_FORCE_WIND_MS = { force7: 13.9, force10: 24.5, force12: 32.7 } as const;
/** A position older than this is a storm that has dissipated or a dead feed, not a storm overhead (CMA issues 1–3 hourly). */
export const TYPHOON_MAX_AGE_MS = 6 * HOUR;

// ── Geological hazard points ─────────────────────────────────────────────────────────────────
/** How much one point weighs by its register grade; a point without a grade counts as medium. */
export const GEOHAZARD_RISK_WEIGHT = { low: 1, medium: 2, high: 3, 'very-high': 4 } as const;
/** Points per unit of weight × trigger: a very-high point under red rain (4 × 2 × 2 = 16) is as grave as an orange warning. */
export const GEOHAZARD_POINTS_PER_UNIT = 2;
/** Many slopes in one area add up, but a hillside town must not outscore a typhoon overhead. */
export const GEOHAZARD_MAX_POINTS = 25;
/** Rain at the nearest gauge within this distance triggers a point: gauges sit about 5 km apart. */
export const GEOHAZARD_RAIN_RADIUS_KM = 10;
/**
 * Trigger of a geo-hazard warning by level: slopes fail under rain, and the geo-hazard warning is the
 * geologists' forecast that they may. Rain triggers as 2 × its 1 h severity (1 at yellow, 2 at red).
 */
export const GEOHAZARD_WARNING_TRIGGER = { blue: 1, yellow: 1, orange: 1.5, red: 2 } as const;

// ── Waterlogging ─────────────────────────────────────────────────────────────────────────────
/** 15 cm: the national waterlogging mark for a road lane (GB 51222-2017). */
export const WATERLOGGING_COUNT_CM = 15;
/** 40 cm: past the sill of a car and knee-deep; people get trapped in underpasses. */
export const WATERLOGGING_HEAVY_CM = 40;
/** Points per waterlogged point: each is a closed road and a call to the pumps. */
export const WATERLOGGING_POINTS = 3;
/** Points per heavily waterlogged point: each is a possible rescue. */
export const WATERLOGGING_HEAVY_POINTS = 8;
/** Urban flooding disrupts but rarely kills on its own; it must not outweigh a typhoon or a red warning. */
export const WATERLOGGING_MAX_POINTS = 20;

// ── Tide ─────────────────────────────────────────────────────────────────────────────────────
/** Points once a station reaches its warning tide level (警戒潮位): sea walls and low shores start to flood. */
export const TIDE_AT_WARNING_POINTS = 10;
/** Points per cm above the warning level: 50 cm above is the top of the scale (orange–red storm-surge range). */
export const TIDE_POINTS_PER_CM = 0.3;
/** The ceiling of the tide factor. */
export const TIDE_MAX_POINTS = 25;

// ── Exposure ─────────────────────────────────────────────────────────────────────────────────
/**
 * The most exposure raises a hazard: +30 %. Enough to lift a grade where a city's worth of people is,
 * never enough to colour an area without a hazard (a multiplier of zero hazard is zero).
 */
export const EXPOSURE_MAX_UPLIFT = 0.3;
/** People at which a district gets the full uplift: about the population of 思明 or 湖里. */
export const EXPOSURE_FULL_PEOPLE_DISTRICT = 1_000_000;
/** People at which a subdistrict gets the full uplift: a dense urban subdistrict of Xiamen. */
export const EXPOSURE_FULL_PEOPLE_SUBDISTRICT = 150_000;

// ── Freshness ────────────────────────────────────────────────────────────────────────────────
/** A rain, water or tide reading older than this describes an hour that has passed: it is not counted. */
export const OBSERVATION_MAX_AGE_MS = HOUR;
/** People move slowly between districts: a population grid this old still beats none. */
export const POPULATION_MAX_AGE_MS = 24 * HOUR;
