import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { departmentIds } from '../../departments.ts';
import { categories, categoryList } from '../registry.ts';

/** The ids other work (transports, the risk model) is built against: they must not drift. */
const expectedIds: Record<string, string[]> = {
  emergency: ['incident', 'rescue-team', 'supply-depot', 'depot-stock', 'shelter', 'duty-roster', 'enterprise-risk', 'expert', 'informant-report'],
  meteorology: ['rain-gauge', 'weather-warning', 'typhoon-track', 'wind-station', 'lightning'],
  water: ['reservoir-level', 'river-level', 'flash-flood-warning', 'sluice-pump', 'dike-patrol'],
  geology: ['geohazard-point', 'geohazard-warning', 'displacement-monitor'],
  ocean: ['tide-level', 'wave-height', 'storm-surge-warning', 'fishing-boat'],
  police: ['traffic-control', 'police-deployment', 'accident-report'],
  fire: ['fire-station', 'fire-call'],
  health: ['hospital-beds', 'ambulance', 'casualty-report'],
  transport: ['road-closure', 'ferry-suspension', 'bus-service', 'traffic-flow'],
  construction: ['construction-site-stop', 'tower-crane', 'dangerous-building'],
  civilAffairs: ['evacuation', 'resettlement-site'],
  education: ['school-closure', 'school-shelter'],
  municipal: ['waterlogging-point', 'drainage-pump', 'fallen-tree', 'manhole-alert'],
  power: ['power-outage', 'repair-crew'],
  telecom: ['base-station-outage', 'emergency-comms-vehicle'],
  earthquake: ['earthquake-report', 'early-warning-terminal'],
  population: ['population-heat'],
};

const ALERTS = ['weather-warning', 'flash-flood-warning', 'geohazard-warning', 'storm-surge-warning'];

describe('the category catalog', () => {
  it('has exactly 56 categories with unique ids', () => {
    expect(categoryList).toHaveLength(56);
    expect(categories.size).toBe(56);
  });

  it('gives every one of the 17 departments exactly its agreed categories', () => {
    expect(Object.keys(expectedIds).sort()).toEqual([...departmentIds].sort());
    for (const department of departmentIds) {
      const ids = categoryList.filter((c) => c.department === department).map((c) => c.id);
      expect([department, ids]).toEqual([department, expectedIds[department]]);
    }
  });

  it('keeps the kind "alert" for the four warning categories only', () => {
    expect(categoryList.filter((c) => c.kind === 'alert').map((c) => c.id).sort()).toEqual([...ALERTS].sort());
    for (const id of ALERTS) expect(categories.get(id)?.idField).toBe('alertId');
  });

  it('gives every graded category a value field, a unit and strictly increasing thresholds', () => {
    const graded = categoryList.filter((c) => c.thresholds);
    expect(graded.length).toBeGreaterThanOrEqual(7);
    for (const c of graded) {
      const t = c.thresholds!;
      expect([c.id, c.valueField, c.unit].every(Boolean)).toBe(true);
      expect([c.id, t.blue > 0 && t.blue < t.yellow && t.yellow < t.orange && t.orange < t.red]).toEqual([c.id, true]);
    }
  });

  it('gives every observation a value field and a unit to trend', () => {
    for (const c of categoryList.filter((x) => x.kind === 'observation')) {
      expect([c.id, typeof c.valueField, typeof c.unit]).toEqual([c.id, 'string', 'string']);
    }
  });

  it('expects sensors within minutes and registers within a day', () => {
    for (const c of categoryList) {
      expect(c.expectedIntervalMs).toBeGreaterThanOrEqual(60_000);
      expect(c.expectedIntervalMs).toBeLessThanOrEqual(24 * 3600_000);
    }
    expect(categories.get('population-heat')?.expectedIntervalMs).toBe(5 * 60_000);
    expect(categories.get('fire-station')?.expectedIntervalMs).toBe(24 * 3600_000);
  });

  it('names every category in Chinese and English', () => {
    for (const c of categoryList) expect([c.id, c.name.zh.length > 0, c.name.en.length > 0]).toEqual([c.id, true, true]);
  });

  it('keeps TypeBox out of the definition files the screen imports', () => {
    const dir = new URL('.', import.meta.url);
    const definitionFiles = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.schema.') && !f.includes('.test.') && f !== 'example-record.ts' && f !== 'schemas.ts');
    expect(definitionFiles.length).toBe(18); // 17 departments + index
    for (const f of definitionFiles) expect([f, /from 'typebox/.test(readFileSync(new URL(f, dir), 'utf8'))]).toEqual([f, false]);
  });
});
