import type { DepartmentId } from './departments.ts';
import type { RainReading } from './categories/rain-gauge.schema.ts';

/** Fields every logged event carries: its place in the log and where and when it came in. */
interface EventEnvelope {
  /** Position in the ordered log; strictly increasing per event. */
  seq: number;
  /** When the server accepted it (ISO 8601), distinct from when the source observed it. */
  receivedAt: string;
  department: DepartmentId;
}

export interface RainObserved extends EventEnvelope {
  type: 'rain.observed';
  payload: RainReading;
}

/** Every event the reducer understands. Add a member here and the compiler points at every switch to extend. */
export type BeaconEvent = RainObserved;
export type BeaconEventType = BeaconEvent['type'];

/** An event before the log has given it a sequence number and receive time. */
export type NewEvent = Omit<BeaconEvent, 'seq' | 'receivedAt'>;
