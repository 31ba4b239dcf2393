import { cityDelta, deltaOf, emptyLiveState, type LiveState, type ReplayServerEvents, type ReplaySpeed, type ReplayWindow } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { foldRange } from '../engine/fold-log.ts';
import { seqAtTime, stateAtTime } from './state-at.ts';

type Emit = <E extends keyof ReplayServerEvents>(event: E, ...args: Parameters<ReplayServerEvents[E]>) => void;

const TICK_MS = 100;

/**
 * One reviewer's replay: its own state, clock and timer. Playing advances the replay clock by
 * speed × real time and folds the log up to where the wall was at that moment, with the same reducer
 * as live; seeking starts from the newest snapshot at or before the moment.
 */
export class ReplaySession {
  #state: LiveState = emptyLiveState();
  #clock = 0;
  #window: ReplayWindow = { from: 0, to: 0 };
  #speed: ReplaySpeed = 60;
  #timer: NodeJS.Timeout | null = null;
  #busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: Sql,
    private readonly emit: Emit,
    /** A playback tick that failed (the reviewer sees the clock stop; the server logs why). */
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  get clock(): number {
    return this.#clock;
  }

  get state(): LiveState {
    return this.#state;
  }

  async open(window: ReplayWindow): Promise<void> {
    this.pause();
    this.#window = window;
    await this.seek(window.from);
  }

  /** Serialised with playback ticks, so a seek never interleaves with a fold in progress. */
  seek(at: number): Promise<void> {
    return this.#run(async () => {
      this.#clock = Math.min(Math.max(at, this.#window.from), this.#window.to);
      this.#state = (await stateAtTime(this.sql, this.#clock)).state;
      this.emit('replay:snapshot', { at: this.#clock, state: this.#state });
      this.#sendClock();
    });
  }

  play(speed: ReplaySpeed): void {
    this.#speed = speed;
    if (!this.#timer) {
      let last = performance.now();
      this.#timer = setInterval(() => {
        const now = performance.now();
        const advance = (now - last) * this.#speed;
        last = now;
        this.#run(() => this.#advance(advance)).catch((e: unknown) => {
          this.pause();
          this.onError(e);
        });
      }, TICK_MS);
    }
    this.#sendClock();
  }

  pause(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#sendClock();
  }

  async close(): Promise<void> {
    this.pause();
    await this.#busy;
  }

  async #advance(ms: number): Promise<void> {
    const target = Math.min(this.#clock + ms, this.#window.to);
    const toSeq = await seqAtTime(this.sql, target);
    if (toSeq > this.#state.seq) {
      // The same delta code as live screens: a log delta per page, cut to the view the replay shows (the city).
      let before = this.#state;
      this.#state = await foldRange(this.sql, this.#state, toSeq, (events, _fromSeq, after) => {
        this.emit('replay:delta', { at: target, delta: cityDelta(deltaOf(before, after, events)) });
        before = after;
      });
    }
    this.#clock = target;
    if (target >= this.#window.to) this.pause();
    else this.#sendClock();
  }

  /**
   * Runs after the previous step. The chain itself never rejects: a failed seek is answered to its
   * caller, and must not make close() (on disconnect, where nobody awaits) an unhandled rejection.
   */
  #run(step: () => Promise<void>): Promise<void> {
    const run = this.#busy.then(step);
    this.#busy = run.catch(() => {});
    return run;
  }

  #sendClock(): void {
    this.emit('replay:clock', { at: this.#clock, playing: this.#timer !== null, speed: this.#speed, window: this.#window });
  }
}
