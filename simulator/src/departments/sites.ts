/**
 * Places people shelter in (emergency shelters, civil-affairs resettlement sites, schools opened as
 * shelters), and how full each is at a storm hour. Population heat and evacuation counts read the
 * same numbers, so people who leave the map's hot spots show up here.
 */
import { near, type Place } from './places.ts';
import { plateau, rand } from './scenario.ts';

export interface ShelterSite extends Place {
  id: string;
  name: string;
  capacity: number;
}

const site = (id: string, name: string, place: Place, capacity: number): ShelterSite => ({ id, name, ...place, capacity });

/** 避灾点 of the emergency bureau (717 in the seed city; these are the ones the scenario fills). */
export const shelters: readonly ShelterSite[] = [
  site('SM-BZD-003', '思明区厦港街道避灾点', near('SM02', 0.003, 0.004), 600),
  site('SM-BZD-011', '思明区莲前街道避灾点', near('SM04', -0.003, 0.002), 800),
  site('HL-BZD-002', '湖里区殿前街道避灾点', near('HL02', 0.002, -0.003), 500),
  site('HL-BZD-007', '湖里区金山街道避灾点', near('HL05', -0.004, 0.002), 700),
  site('JM-BZD-005', '集美区灌口镇避灾点', near('JM04', 0.006, -0.004), 900),
  site('JM-BZD-009', '集美区后溪镇避灾点', near('JM05', -0.003, -0.004), 650),
  site('HC-BZD-004', '海沧区东孚街道避灾点', near('HC04', 0.004, 0.003), 750),
  site('HC-BZD-006', '海沧区嵩屿街道避灾点', near('HC03', -0.002, 0.006), 500),
  site('TA-BZD-012', '同安区汀溪镇避灾点', near('TA04', -0.004, -0.003), 1200),
  site('TA-BZD-015', '同安区莲花镇避灾点', near('TA05', 0.003, -0.006), 1000),
  site('TA-BZD-021', '同安区五显镇避灾点', near('TA03', -0.003, -0.004), 800),
  site('XA-BZD-012', '厦门大学翔安校区避灾点', near('XA03', 0.004, -0.008), 3000),
  site('XA-BZD-016', '翔安区大嶝街道避灾点', near('XA05', -0.004, 0.001), 900),
  site('XA-BZD-019', '翔安区新圩镇避灾点', near('XA04', 0.003, -0.004), 850),
];

/** 集中安置点 of civil affairs: large halls that take the overflow. */
export const resettlementSites: readonly ShelterSite[] = [
  site('RS-TA-008', '同安区体育馆集中安置点', near('TA01', 0.004, 0.003), 2500),
  site('RS-XA-003', '翔安区文体中心集中安置点', near('XA02', 0.002, -0.004), 2000),
  site('RS-JM-005', '集美区杏林会展中心集中安置点', near('JM02', 0.004, 0.002), 1800),
  site('RS-HC-002', '海沧区文化中心集中安置点', near('HC01', 0.003, 0.005), 1500),
];

/** Schools of the education bureau opened as shelters while classes are suspended. */
export const schoolShelters: readonly ShelterSite[] = [
  site('SCH-SM-0012', '厦门第一中学避灾点', near('SM03', 0.003, 0.003), 800),
  site('SCH-HL-0031', '湖里实验中学避灾点', near('HL01', 0.003, 0.002), 600),
  site('SCH-JM-0004', '集美中学避灾点', near('JM03', -0.004, -0.006), 900),
  site('SCH-TA-0001', '同安第一中学避灾点', near('TA02', 0.004, 0.003), 1000),
  site('SCH-XA-0003', '翔安第一中学避灾点', near('XA02', -0.004, 0.005), 900),
];

/** Open from 20 h before landfall to 24 h after; closed (and empty) otherwise. */
export const SITES_OPEN = { from: -20, to: 24 } as const;

/**
 * People in a site: filling from 18 h before landfall (evacuation orders), full for the worst hours,
 * emptying from 8 h after as people go home. Never above capacity.
 */
export function occupancyAt(s: ShelterSite, hour: number): number {
  if (hour < SITES_OPEN.from || hour > SITES_OPEN.to) return 0;
  const share = 0.55 + 0.47 * rand(`fill:${s.id}`); // some sites fill completely, some stay half empty
  return Math.min(s.capacity, Math.floor(s.capacity * Math.min(1, share) * plateau(hour, -18, -3, 8, 22)));
}

export function siteStatus(s: ShelterSite, hour: number): 'open' | 'full' | 'closed' {
  if (hour < SITES_OPEN.from || hour > SITES_OPEN.to) return 'closed';
  return occupancyAt(s, hour) >= s.capacity * 0.97 ? 'full' : 'open';
}

export const allShelterSites: readonly ShelterSite[] = [...shelters, ...resettlementSites, ...schoolShelters];

/** The record of a site for the three shelter-like categories (their schemas share these fields). */
export function siteRecord(idField: string, s: ShelterSite, hour: number, observedAt: string): Record<string, unknown> {
  return {
    [idField]: s.id, observedAt, name: s.name, capacity: s.capacity, occupancy: occupancyAt(s, hour),
    status: siteStatus(s, hour), lon: s.lon, lat: s.lat, district: s.district,
  };
}
