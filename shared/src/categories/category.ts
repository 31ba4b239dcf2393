import type { DepartmentId } from '../departments.ts';
import type { LocalName } from '../region/types.ts';
import type { GradeThresholds } from './grades.ts';

/**
 * How live state keeps a category's records:
 * - entity: the latest state of each thing (a rescue team, a shelter);
 * - observation: a measured time series per station; latest plus a 24 h trend of `valueField`;
 * - alert: warnings with a level and a status; active until a record says otherwise;
 * - grid: a gridded field (population heat), latest per grid id.
 */
export type CategoryKind = 'entity' | 'observation' | 'alert' | 'grid';

export type GeometryKind = 'point' | 'line' | 'area' | 'grid' | 'none';

/** One of the 56 kinds of data: data, not code, so a city can change it. Schemas live in schemas/, by id. */
export interface CategoryDefinition {
  id: string;
  department: DepartmentId;
  name: LocalName;
  kind: CategoryKind;
  geometry: GeometryKind;
  /** The record field naming the thing a record is about (station, team, alert, grid id). */
  idField: string;
  /** The numeric field that is graded and trended (observations), if any. */
  valueField?: string;
  unit?: string;
  /** How often a healthy feed sends; late after 2 intervals, silent after 6. */
  expectedIntervalMs: number;
  /** Trend points also keep where the thing was (lon/lat): a typhoon's past track. */
  tracksPosition?: boolean;
  /** Colour grades of `valueField`, where grades apply. */
  thresholds?: GradeThresholds;
  /** Transports departments use for it beyond HTTP (documentation and simulator hints). */
  transports?: readonly ('websocket' | 'mqtt' | 'pull' | 'cap')[];
}
