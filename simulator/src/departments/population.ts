/**
 * 大数据/运营商: the population heat grid. Residents are spread around each district's centres; as
 * evacuation proceeds, the people the shelters hold are taken from their district's cells and put
 * into the cells of the shelters, so the heat visibly gathers at shelters and disperses afterwards.
 */
import { districtAt, xiamen } from '@beacon/shared';
import { round, type Generators, type Moment, type Rec } from './scenario.ts';
import { allShelterSites, occupancyAt } from './sites.ts';

const CELL_DEG = 0.02; // ~2 km at Xiamen's latitude
const CELL_SIZE_M = 2000;

// Resident population by district (~5.3 million in all) and where it concentrates.
const centres: readonly { district: string; lon: number; lat: number; sigma: number; people: number }[] = [
  { district: '思明区', lon: 118.1, lat: 24.47, sigma: 0.03, people: 1_100_000 },
  { district: '湖里区', lon: 118.14, lat: 24.51, sigma: 0.028, people: 1_000_000 },
  { district: '集美区', lon: 118.08, lat: 24.6, sigma: 0.045, people: 1_050_000 },
  { district: '海沧区', lon: 118.03, lat: 24.5, sigma: 0.035, people: 600_000 },
  { district: '同安区', lon: 118.15, lat: 24.73, sigma: 0.06, people: 870_000 },
  { district: '翔安区', lon: 118.26, lat: 24.63, sigma: 0.055, people: 700_000 },
];

interface Cell {
  lon: number;
  lat: number;
  district: string;
  residents: number;
}

let cache: { cells: Cell[]; residentsByDistrict: Map<string, number> } | null = null;

/** Land cells with their resident counts; built once (each district's people shared over its own land cells). */
function baseGrid(): { cells: Cell[]; residentsByDistrict: Map<string, number> } {
  if (cache) return cache;
  const cells: Cell[] = [];
  for (let lon = 117.9; lon <= 118.4; lon += CELL_DEG) {
    for (let lat = 24.4; lat <= 24.86; lat += CELL_DEG) {
      const district = districtAt(xiamen.districts, lon, lat);
      if (district) cells.push({ lon: round(lon, 3), lat: round(lat, 3), district, residents: 0 });
    }
  }
  const residentsByDistrict = new Map<string, number>();
  for (const c of centres) {
    const own = cells.filter((cell) => cell.district === c.district);
    const weights = own.map((cell) => Math.exp(-(((cell.lon - c.lon) ** 2 + (cell.lat - c.lat) ** 2) / (2 * c.sigma ** 2))) + 0.002);
    const total = weights.reduce((a, b) => a + b, 0);
    own.forEach((cell, i) => (cell.residents = Math.round((c.people * weights[i]!) / total)));
    residentsByDistrict.set(c.district, own.reduce((n, cell) => n + cell.residents, 0));
  }
  cache = { cells: cells.filter((c) => c.residents >= 50), residentsByDistrict };
  return cache;
}

function populationHeat(m: Moment): Rec[] {
  const { cells, residentsByDistrict } = baseGrid();
  const sheltered = new Map<string, number>();
  for (const s of allShelterSites) sheltered.set(s.district, (sheltered.get(s.district) ?? 0) + occupancyAt(s, m.hour));
  const people = cells.map((c) => {
    const leftShare = (sheltered.get(c.district) ?? 0) / (residentsByDistrict.get(c.district) ?? 1);
    return Math.round(c.residents * (1 - leftShare));
  });
  for (const s of allShelterSites) {
    const i = nearestCell(cells, s.lon, s.lat);
    people[i] = people[i]! + occupancyAt(s, m.hour);
  }
  return [{
    gridId: 'XM-2KM', observedAt: m.nowIso, cellSizeM: CELL_SIZE_M,
    cells: cells.map((c, i) => [c.lon, c.lat, Math.min(1_000_000, people[i]!)]),
  }];
}

function nearestCell(cells: readonly Cell[], lon: number, lat: number): number {
  let best = 0;
  let bestD = Infinity;
  cells.forEach((c, i) => {
    const d = (c.lon - lon) ** 2 + (c.lat - lat) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  });
  return best;
}

export const populationGenerators: Generators = {
  'population-heat': populationHeat,
};
