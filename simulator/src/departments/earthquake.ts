/** 地震局: the last felt quake (a Taiwan Strait event), and early-warning terminals going offline with the power. */
import { isoAfter, rand, type Generators, type Moment, type Rec } from './scenario.ts';
import { feeders, outageState } from './power.ts';

/** A report the bureau keeps re-sending: an official M4.2 in the southern Taiwan Strait two days ago. */
function earthquakeReports(m: Moment): Rec[] {
  return [{
    eventId: 'CC20260912031507', observedAt: m.nowIso, reportType: 'official', originTime: isoAfter(m, -48),
    magnitude: 4.2, depthKm: 12, lon: 119.35, lat: 23.42, place: '台湾海峡南部', intensityXiamen: 2.5,
  }];
}

const siteTypes = ['school', 'community', 'government', 'enterprise', 'public-place'] as const;
const siteNames: Record<(typeof siteTypes)[number], string> = { school: '小学', community: '社区服务中心', government: '街道办事处', enterprise: '园区管委会', 'public-place': '体育馆' };

// A sample of the 1,800+ terminals: two on every feeder area, each with a UPS of ~1–3 storm hours.
const terminals = feeders.flatMap((f, i) =>
  [0, 1].map((k) => {
    const siteType = siteTypes[(i * 2 + k) % siteTypes.length]!;
    return {
      terminalId: `EEW-${f.outageId.slice(-3)}-${k + 1}`, site: `${f.feeder.split(' ')[0]!.replace('变', '')}${siteNames[siteType]}`, siteType,
      feeder: f, upsH: 1 + 2 * rand(`ups:${f.outageId}:${k}`),
      lon: Math.round((f.lon + (k ? 0.002 : -0.002)) * 1000) / 1000, lat: Math.round((f.lat + 0.002) * 1000) / 1000, district: f.district,
    };
  }),
);

function earlyWarningTerminals(m: Moment): Rec[] {
  return terminals.map((t) => {
    const state = outageState(t.feeder, m.hour);
    const offline = state === 'out' || state === 'repairing';
    return {
      terminalId: t.terminalId, observedAt: m.nowIso, site: t.site, siteType: t.siteType, status: offline ? 'offline' : 'online',
      lastTestAt: isoAfter(m, -6), lon: t.lon, lat: t.lat, district: t.district,
    };
  });
}

export const earthquakeGenerators: Generators = {
  'earthquake-report': earthquakeReports,
  'early-warning-terminal': earlyWarningTerminals,
};
