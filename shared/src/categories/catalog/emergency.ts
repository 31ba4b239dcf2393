import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** 应急管理局: the bureau's own data — incidents, forces, supplies, shelters, duty, registers, informants. */
export const emergencyCategories: readonly CategoryDefinition[] = [
  {
    id: 'incident',
    department: 'emergency',
    name: { zh: '突发事件', en: 'Incidents' },
    kind: 'entity',
    geometry: 'point',
    idField: 'incidentId',
    // Sent as they happen and on every status change; a quiet 10 minutes in a typhoon is suspicious.
    expectedIntervalMs: 10 * MINUTE,
    transports: ['websocket'],
  },
  {
    id: 'rescue-team',
    department: 'emergency',
    name: { zh: '救援队伍', en: 'Rescue teams' },
    kind: 'entity',
    geometry: 'point',
    idField: 'teamId',
    // Team terminals report position and status every few minutes.
    expectedIntervalMs: 5 * MINUTE,
    transports: ['websocket'],
  },
  {
    id: 'supply-depot',
    department: 'emergency',
    name: { zh: '物资储备库', en: 'Supply depots' },
    kind: 'entity',
    geometry: 'point',
    idField: 'depotId',
    expectedIntervalMs: DAY,
  },
  {
    id: 'depot-stock',
    department: 'emergency',
    name: { zh: '储备物资', en: 'Depot stock' },
    kind: 'entity',
    geometry: 'none',
    idField: 'stockId',
    // Stock moves while supplies are dispatched; the depot system syncs every 10 minutes.
    expectedIntervalMs: 10 * MINUTE,
    transports: ['pull'],
  },
  {
    id: 'shelter',
    department: 'emergency',
    name: { zh: '避灾点', en: 'Shelters' },
    kind: 'entity',
    geometry: 'point',
    idField: 'shelterId',
    expectedIntervalMs: 10 * MINUTE,
  },
  {
    id: 'duty-roster',
    department: 'emergency',
    name: { zh: '值班值守', en: 'Duty roster' },
    kind: 'entity',
    geometry: 'none',
    idField: 'dutyId',
    expectedIntervalMs: DAY,
    transports: ['pull'],
  },
  {
    id: 'enterprise-risk',
    department: 'emergency',
    name: { zh: '企业风险分级', en: 'Enterprise risk grades' },
    kind: 'entity',
    geometry: 'point',
    idField: 'enterpriseId',
    expectedIntervalMs: DAY,
    transports: ['pull'],
  },
  {
    id: 'expert',
    department: 'emergency',
    name: { zh: '应急专家', en: 'Experts' },
    kind: 'entity',
    geometry: 'none',
    idField: 'expertId',
    expectedIntervalMs: DAY,
    transports: ['pull'],
  },
  {
    id: 'informant-report',
    department: 'emergency',
    name: { zh: '灾害信息员报告', en: 'Disaster informant reports' },
    kind: 'entity',
    geometry: 'point',
    idField: 'reportId',
    expectedIntervalMs: 15 * MINUTE,
  },
];
