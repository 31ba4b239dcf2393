/** 民政局: people evacuated and resettled per district, resettlement sites filling and emptying. */
import { districtCodes } from './places.ts';
import { smoothstep, type Generators, type Moment, type Rec } from './scenario.ts';
import { allShelterSites, occupancyAt, resettlementSites, siteRecord } from './sites.ts';

/** People each district plans to move (coast, low ground, hazard points, dangerous buildings). */
const evacuationTargets: Readonly<Record<string, number>> = {
  思明区: 18_000, 湖里区: 12_000, 集美区: 22_000, 海沧区: 15_000, 同安区: 30_000, 翔安区: 28_000,
};

/**
 * Evacuated counts climb from 20 h before landfall (cumulative, they never go down); the people in
 * shelters are exactly those the shelter records show; the rest are with relatives until they go home.
 */
function evacuation(m: Moment): Rec[] {
  return Object.entries(districtCodes).map(([district, areaCode]) => {
    const evacuated = Math.round(evacuationTargets[district]! * smoothstep(-20, -3, m.hour));
    const resettled = allShelterSites.filter((s) => s.district === district).reduce((n, s) => n + occupancyAt(s, m.hour), 0);
    return {
      areaCode, observedAt: m.nowIso, district, evacuatedPeople: Math.max(evacuated, resettled), resettledPeople: resettled,
      returnedPeople: Math.round(Math.max(0, evacuated - resettled) * smoothstep(8, 24, m.hour)),
    };
  });
}

export const civilAffairsGenerators: Generators = {
  evacuation,
  'resettlement-site': (m) =>
    resettlementSites.map((s) => ({ ...siteRecord('siteId', s, m.hour, m.nowIso), meals: Math.round(occupancyAt(s, m.hour) * 3 * smoothstep(-18, -6, m.hour)) })),
};
