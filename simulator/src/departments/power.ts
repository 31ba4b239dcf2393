/** 供电公司: feeders trip as the wind rises, crews go out once it is safe, power comes back. */
import { districtPrefix, near, type Place } from './places.ts';
import { isoAfter, rand, type Generators, type Moment, type Rec } from './scenario.ts';
import { windSpeedAt } from './wind.ts';

export interface Feeder extends Place {
  outageId: string;
  feeder: string;
  households: number;
  /** The wind (m/s) at which it trips. */
  tripsAtMs: number;
  /** Storm hours from trip to restore. */
  repairH: number;
}

const feederSpots: readonly [string, string, string, number][] = [
  ['SM01', '鼓浪屿变', '10kV 内厝澳线', 2600], ['SM02', '厦港变', '10kV 沙坡尾线', 4100], ['SM04', '莲前变', '10kV 曾厝垵线', 5200],
  ['HL02', '殿前变', '10kV 高殿线', 3800], ['HL05', '金山变', '10kV 五缘湾线', 4500], ['JM01', '集美变', '10kV 学村线', 3900],
  ['JM04', '灌口变', '10kV 三社线', 2100], ['HC03', '嵩屿变', '10kV 海沧湾线', 3100], ['HC04', '东孚变', '10kV 天竺线', 1700],
  ['TA03', '五显变', '10kV 三秀线', 1500], ['TA04', '汀溪变', '10kV 造水线', 1300], ['TA05', '莲花变', '10kV 军营线', 1100],
  ['XA01', '新店变', '10kV 洪前线', 3300], ['XA04', '新圩变', '10kV 新圩I路', 2400], ['XA05', '大嶝变', '10kV 田墘线', 2900],
];

export const feeders: readonly Feeder[] = feederSpots.map(([gauge, substation, line, households], i) => ({
  outageId: `PO-2614-${String(i + 1).padStart(3, '0')}`,
  feeder: `${substation} ${line}`,
  households,
  tripsAtMs: 18 + 10 * rand(`trip:${gauge}`),
  repairH: 4 + 10 * rand(`repair:${gauge}`),
  ...near(gauge, 0.005, 0.003),
}));

const tripHours = new Map<string, number | null>();

/** The storm hour a feeder trips (the first quarter-hour its wind reaches its mark), or null if never. */
export function tripHour(f: Feeder): number | null {
  if (!tripHours.has(f.outageId)) {
    let at: number | null = null;
    for (let h = -30; h <= 30 && at === null; h += 0.25) if (windSpeedAt(f.lon, f.lat, h, f.outageId) >= f.tripsAtMs) at = h;
    tripHours.set(f.outageId, at);
  }
  return tripHours.get(f.outageId)!;
}

/** out → repairing (a crew is on it, once the wind has dropped) → restored. */
export function outageState(f: Feeder, hour: number): 'out' | 'repairing' | 'restored' | null {
  const trip = tripHour(f);
  if (trip === null || hour < trip) return null;
  const crewFrom = Math.max(trip + 1, 2); // crews go out only after the eye has passed
  if (hour >= crewFrom + f.repairH) return 'restored';
  return hour >= crewFrom ? 'repairing' : 'out';
}

const crewFor = (f: Feeder) => `RC-${districtPrefix[f.district]}-01`;

function powerOutages(m: Moment): Rec[] {
  return feeders.flatMap((f) => {
    const state = outageState(f, m.hour);
    if (!state) return [];
    const trip = tripHour(f)!;
    const restoredShare = state === 'restored' ? 1 : state === 'repairing' ? 0.3 : 0;
    return [{
      outageId: f.outageId, observedAt: m.nowIso, feeder: f.feeder, households: Math.round(f.households * (1 - restoredShare)), status: state,
      cause: rand(`cause:${f.outageId}`) < 0.5 ? 'wind' : 'tree', ...(state === 'repairing' ? { crewId: crewFor(f) } : {}),
      ...(state === 'restored' ? {} : { expectedRestoreAt: isoAfter(m, Math.max(1, Math.max(trip + 1, 2) + f.repairH - m.hour)) }),
      lon: f.lon, lat: f.lat, district: f.district,
    }];
  });
}

const crews = Object.entries(districtPrefix).map(([district, prefix]) => ({
  crewId: `RC-${prefix}-01`, name: `国网厦门供电公司${district.slice(0, 2)}抢修一队`, district,
  base: near(`${prefix}01`, -0.003, -0.003),
}));

/** A crew works the outages of its district one after another; between them it is back at base. */
function repairCrews(m: Moment): Rec[] {
  return crews.map((c) => {
    const job = feeders.find((f) => f.district === c.district && outageState(f, m.hour) === 'repairing');
    const pos = job ? { lon: job.lon, lat: job.lat } : { lon: c.base.lon, lat: c.base.lat };
    const anyOut = feeders.some((f) => f.district === c.district && outageState(f, m.hour) === 'out');
    return {
      crewId: c.crewId, observedAt: m.nowIso, name: c.name, members: 12, vehicles: 3,
      status: job ? 'repairing' : anyOut ? 'dispatched' : 'standby', ...(job ? { outageId: job.outageId } : {}), ...pos, district: c.district,
    };
  });
}

export const powerGenerators: Generators = {
  'power-outage': powerOutages,
  'repair-crew': repairCrews,
};
