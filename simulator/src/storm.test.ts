import { describe, expect, it } from 'vitest';
import { rainfall1hThresholds, xiamen } from '@beacon/shared';
import { LANDFALL_PHASE, gaugeRainfall1h, orographicFactor, rainfallField, scenarioPhase, stormAt, stormHourAt } from './storm.ts';

const gauges = xiamen.rainGauges;
const phases = Array.from({ length: 400 }, (_, i) => i / 400);
const rainAt = (phase: number) => gauges.map((gauge) => gaugeRainfall1h(gauge, phase));

describe('typhoon track', () => {
  it('approaches from the south-east, lands on the Xiang\u2019an/Siming coast at 950 hPa and 45 m/s, then goes north-west inland', () => {
    const approach = stormAt(0.1);
    const landfall = stormAt(LANDFALL_PHASE);
    const inland = stormAt(0.9);
    expect(approach.lon).toBeGreaterThan(landfall.lon + 1);
    expect(approach.lat).toBeLessThan(landfall.lat - 1);
    expect(landfall).toMatchObject({ stormHour: 0, centralPressureHpa: 950, maxWindMs: 45 });
    expect(landfall.lon).toBeGreaterThan(118.15);
    expect(landfall.lon).toBeLessThan(118.35);
    expect(inland.lon).toBeLessThan(landfall.lon);
    expect(inland.lat).toBeGreaterThan(landfall.lat);
    expect(inland.maxWindMs).toBeLessThan(20);
    expect(inland.centralPressureHpa).toBeGreaterThan(990);
    expect(approach.headingDeg).toBeGreaterThan(290); // moving north-west
    expect(approach.headingDeg).toBeLessThan(340);
  });

  it('weakens monotonically after landfall', () => {
    const after = phases.filter((p) => p >= LANDFALL_PHASE).map((p) => stormAt(p));
    for (let i = 1; i < after.length; i++) {
      expect(after[i]!.maxWindMs).toBeLessThanOrEqual(after[i - 1]!.maxWindMs);
      expect(after[i]!.centralPressureHpa).toBeGreaterThanOrEqual(after[i - 1]!.centralPressureHpa);
    }
  });

  it('keeps storm time moving forward and slows it down around landfall', () => {
    for (let i = 1; i < phases.length; i++) expect(stormHourAt(phases[i]!)).toBeGreaterThan(stormHourAt(phases[i - 1]!));
    const paceAtLandfall = stormHourAt(0.51) - stormHourAt(0.49);
    const paceFarOut = stormHourAt(0.11) - stormHourAt(0.09);
    expect(paceAtLandfall).toBeLessThan(paceFarOut / 3);
  });

  it('maps real elapsed time onto a repeating pass', () => {
    const pass = 30 * 60_000;
    expect(scenarioPhase(0, pass)).toBe(0);
    expect(scenarioPhase(pass / 2, pass)).toBe(0.5);
    expect(scenarioPhase(pass * 3 + pass / 4, pass)).toBe(0.25);
    expect(scenarioPhase(pass / 10, pass, 0.95)).toBeCloseTo(0.05, 10);
  });
});

describe('gauge rainfall', () => {
  it('stays within the schema range (0..400 mm, 0.1 mm steps) at every phase and every gauge', () => {
    const outOfRange = phases
      .flatMap(rainAt)
      .filter((v) => !(v >= 0 && v <= 400) || Math.round(v * 10) / 10 !== v);
    expect(outOfRange).toEqual([]);
  });

  it('puts at least one gauge in red and several in orange or yellow at the peak, but not the whole city in red', () => {
    const peak = rainAt(LANDFALL_PHASE - 0.075);
    const red = peak.filter((v) => v >= rainfall1hThresholds.red).length;
    const orangeOrYellow = peak.filter((v) => v >= rainfall1hThresholds.yellow && v < rainfall1hThresholds.red).length;
    expect(red).toBeGreaterThanOrEqual(1);
    expect(red).toBeLessThan(gauges.length / 2);
    expect(orangeOrYellow).toBeGreaterThanOrEqual(5);
    expect(rainAt(LANDFALL_PHASE).some((v) => v >= rainfall1hThresholds.red)).toBe(true);
  });

  it('keeps every gauge below blue in the calm phases at both ends of the pass', () => {
    for (const phase of [0, 0.05, 0.9, 0.95, 0.999]) {
      expect(Math.max(...rainAt(phase))).toBeLessThan(rainfall1hThresholds.blue);
    }
  });

  it('rises toward the peak and falls after it at every gauge', () => {
    for (const gauge of gauges) {
      const series = phases.map((p) => gaugeRainfall1h(gauge, p));
      const peakIndex = series.indexOf(Math.max(...series));
      const peakPhase = phases[peakIndex]!;
      const peak = series[peakIndex]!;
      expect(peakPhase).toBeGreaterThan(0.3);
      expect(peakPhase).toBeLessThan(0.75);
      expect(peak).toBeGreaterThanOrEqual(rainfall1hThresholds.yellow);
      // Early approach < late approach < peak > early decay > late decay.
      const at = (p: number) => gaugeRainfall1h(gauge, p);
      expect(at(0.1)).toBeLessThan(at(0.3) + 1);
      expect(at(0.3)).toBeLessThan(peak);
      expect(at(0.85)).toBeLessThan(peak);
      expect(at(0.95)).toBeLessThan(at(0.85) + 1);
    }
  });

  it('is deterministic: the same gauge and phase always give the same value', () => {
    const first = phases.map(rainAt);
    const second = phases.map(rainAt);
    expect(second).toEqual(first);
  });

  it('varies from gauge to gauge at the same place, so neighbours do not read identically', () => {
    const a = { id: 'A1', lon: 118.1, lat: 24.5 };
    const b = { id: 'B2', lon: 118.1, lat: 24.5 };
    const differing = phases.filter((p) => gaugeRainfall1h(a, p) !== gaugeRainfall1h(b, p));
    expect(differing.length).toBeGreaterThan(phases.length / 4);
  });

  it('lifts rainfall on the northern hills more than on the coast', () => {
    expect(orographicFactor(118.13, 24.8)).toBeGreaterThan(1.3); // Tingxi uplands
    expect(orographicFactor(118.09, 24.443)).toBeLessThan(1.05); // Xiagang, on the coast
    expect(rainfallField(118.13, 24.8, 0.6)).toBeGreaterThan(0);
  });

  it('never produces NaN or negative values far from the storm or at the centre itself', () => {
    const centre = stormAt(LANDFALL_PHASE);
    for (const value of [
      gaugeRainfall1h({ id: 'X', lon: centre.lon, lat: centre.lat }, LANDFALL_PHASE),
      gaugeRainfall1h({ id: 'Y', lon: 100, lat: 40 }, LANDFALL_PHASE),
    ]) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
  });
});
