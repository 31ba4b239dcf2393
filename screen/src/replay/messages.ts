import type { KeyMoment, ReplaySpeed } from '@beacon/shared';
import type { Locale } from '../i18n/index.ts';
import type { PresetId } from './windows.ts';

/** Every string the replay screen adds to the wall's. Both languages, checked by the compiler. */
export interface ReplayMessages {
  badge: string;
  badgeSecondary: string;
  title: string;
  replayTime: string;
  play: string;
  pause: string;
  speed: string;
  /** e.g. "1 秒 = 10 分钟". */
  speedMeaning: (speed: ReplaySpeed) => string;
  /** How long the whole window takes at a speed, e.g. "全程约 6 分钟". */
  windowAtSpeed: (duration: string) => string;
  window: string;
  from: string;
  to: string;
  apply: string;
  zoneHint: string;
  presets: Record<PresetId, string>;
  incidents: string;
  incidentsEmpty: string;
  incidentStatus: Record<'open' | 'handling' | 'closed', string>;
  moments: string;
  momentsEmpty: string;
  momentKind: Record<KeyMoment['kind'], string>;
  responseLevel: (level: string) => string;
  noResponse: string;
  /** Shown on a grouped scrubber marker. */
  momentsGrouped: (n: number) => string;
  export: string;
  exportHtml: string;
  exportCsv: string;
  scrubber: string;
  ended: string;
  paused: string;
  playing: string;
  loading: string;
  connectionLost: string;
  notOpened: string;
  errors: { order: string; tooLong: string; invalid: string; server: (message: string) => string };
}

const zh: ReplayMessages = {
  badge: '回放',
  badgeSecondary: 'REPLAY',
  title: '复盘回放 · 历史态势',
  replayTime: '回放时间',
  play: '播放',
  pause: '暂停',
  speed: '倍速',
  speedMeaning: (s) => (s === 1 ? '实际速度' : s === 10 ? '1 秒 = 10 秒' : s === 60 ? '1 秒 = 1 分钟' : '1 秒 = 10 分钟'),
  windowAtSpeed: (d) => `全程约 ${d}`,
  window: '回放时段',
  from: '起',
  to: '止',
  apply: '载入',
  zoneHint: '北京时间，格式 2026-09-14 08:00',
  presets: { '1h': '近1小时', '6h': '近6小时', '24h': '近24小时', '3d': '近3天' },
  incidents: '按事件选择',
  incidentsEmpty: '该时段暂无突发事件',
  incidentStatus: { open: '待处置', handling: '处置中', closed: '已处置' },
  moments: '关键时刻',
  momentsEmpty: '该时段无预警或事件',
  responseLevel: (level) => `${level}级应急响应`,
  noResponse: '未启动应急响应',
  momentKind: {
    'warning-issued': '发布预警',
    'warning-changed': '预警调整',
    'warning-lifted': '解除预警',
    'incident-opened': '突发事件',
    'incident-closed': '处置完毕',
    'response-changed': '应急响应',
    'post-ordered': '前指下令',
    'post-milestone': '前指节点',
    'post-overdue': '前指超时',
    'wall-focus': '大屏切换',
  },
  momentsGrouped: (n) => `${n} 条`,
  export: '导出复盘时间线',
  exportHtml: '打印版 (HTML)',
  exportCsv: '表格 (CSV)',
  scrubber: '回放进度',
  ended: '已到时段末尾',
  paused: '已暂停',
  playing: '播放中',
  loading: '正在载入…',
  connectionLost: '回放连接中断，正在重连…',
  notOpened: '请选择回放时段',
  errors: {
    order: '结束时间须晚于开始时间',
    tooLong: '回放时段最长 14 天',
    invalid: '请输入完整的日期和时间',
    server: (m) => `服务器拒绝：${m}`,
  },
};

const en: ReplayMessages = {
  badge: 'REPLAY',
  badgeSecondary: '回放',
  title: 'After-action replay',
  replayTime: 'Replay time',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  speedMeaning: (s) => (s === 1 ? 'real time' : s === 10 ? '1 s = 10 s' : s === 60 ? '1 s = 1 min' : '1 s = 10 min'),
  windowAtSpeed: (d) => `whole window ≈ ${d}`,
  window: 'Window',
  from: 'From',
  to: 'To',
  apply: 'Load',
  zoneHint: 'Beijing time, as 2026-09-14 08:00',
  presets: { '1h': 'Last 1 h', '6h': 'Last 6 h', '24h': 'Last 24 h', '3d': 'Last 3 days' },
  incidents: 'By incident',
  incidentsEmpty: 'No incidents in this window',
  incidentStatus: { open: 'Open', handling: 'Handling', closed: 'Closed' },
  moments: 'Key moments',
  momentsEmpty: 'No warnings or incidents in this window',
  responseLevel: (level) => `Response level ${level}`,
  noResponse: 'No emergency response',
  momentKind: {
    'warning-issued': 'Warning issued',
    'warning-changed': 'Warning changed',
    'warning-lifted': 'Warning lifted',
    'incident-opened': 'Incident',
    'incident-closed': 'Incident closed',
    'response-changed': 'Response level',
    'post-ordered': 'Post ordered',
    'post-milestone': 'Post milestone',
    'post-overdue': 'Post overdue',
    'wall-focus': 'Wall focus',
  },
  momentsGrouped: (n) => `${n}`,
  export: 'Export after-action timeline',
  exportHtml: 'Printable (HTML)',
  exportCsv: 'Spreadsheet (CSV)',
  scrubber: 'Replay position',
  ended: 'End of window',
  paused: 'Paused',
  playing: 'Playing',
  loading: 'Loading…',
  connectionLost: 'Replay connection lost, reconnecting…',
  notOpened: 'Choose a window to replay',
  errors: {
    order: 'The end must be after the start',
    tooLong: 'A replay window is at most 14 days',
    invalid: 'Enter a full date and time',
    server: (m) => `Refused by the server: ${m}`,
  },
};

export const replayMessages: Record<Locale, ReplayMessages> = { 'zh-CN': zh, en };
