import type { FeedStatus, LocalName } from '@beacon/shared';
import { wallEn, wallZh, type WallMessages } from './wall-messages.ts';
import { surroundingsEn, surroundingsZh, type SurroundingsMessages } from '../panels/Surroundings/surroundingsMessages.ts';
import { authEn, authZh, type AuthMessages } from './auth-messages.ts';
import { consoleEn, consoleZh, type ConsoleMessages } from './console-messages.ts';
import { defenceEn, defenceZh, type DefenceMessages } from '../panels/Defence/defenceMessages.ts';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/** Every string the screen shows. Adding a key here makes the compiler ask for both languages. */
export interface Messages {
  /** The region's name: 厦门市 in Chinese, Xiamen in English. */
  appTitle: (city: LocalName) => string;
  feedLabel: string;
  feedStatus: Record<FeedStatus, string>;
  /** A category's feed gone quiet, e.g. "气象局雨量站数据已 12 分钟未更新". */
  feedStaleBanner: (department: string, category: string, age: string) => string;
  feedNeverBanner: (department: string, category: string) => string;
  connectionLost: string;
  connecting: string;
  rankingTitle: string;
  rankingColumns: { rank: string; station: string; district: string; rainfall: string };
  rankingEmpty: string;
  trendTitle: string;
  trendEmpty: string;
  trendLatest: string;
  dataAge: (age: string) => string;
  noData: string;
  unitMm: string;
  unitMmPerHour: string;
  /** Compact age, e.g. "12 秒" / "3 分钟" / "1 小时 5 分". */
  age: (ms: number) => string;
  notFound: string;
  /** The command-hall wall's strings (wall-messages.ts). */
  wall: WallMessages;
  /** The incident surroundings panel's strings (panels/Surroundings/surroundingsMessages.ts). */
  surroundings: SurroundingsMessages;
  /** Sign-in and wall pairing (auth-messages.ts). */
  auth: AuthMessages;
  /** The duty officer's console and the leader's tablet (console-messages.ts). */
  console: ConsoleMessages;
  /** The typhoon-defence panel's strings (panels/Defence/defenceMessages.ts). */
  defence: DefenceMessages;
}

function ageParts(ms: number): { h: number; m: number; s: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

const zh: Messages = {
  appTitle: (city) => `${city.zh}应急指挥中心 · 一张图`,
  feedLabel: '气象数据',
  feedStatus: { live: '实时', late: '延迟', silent: '中断', never: '无数据' },
  feedStaleBanner: (dept, category, age) => `${dept}${category}数据已 ${age}未更新`,
  feedNeverBanner: (dept, category) => `尚未收到${dept}${category}数据`,
  connectionLost: '连接中断，正在重连…',
  connecting: '正在连接…',
  rankingTitle: '1小时雨量排名',
  rankingColumns: { rank: '序', station: '站点', district: '区', rainfall: '雨量' },
  rankingEmpty: '暂无雨量数据',
  trendTitle: '24小时雨量趋势',
  trendEmpty: '该站暂无24小时数据',
  trendLatest: '最新',
  dataAge: (age) => `数据 ${age}前`,
  noData: '无数据',
  unitMm: '毫米',
  unitMmPerHour: '毫米/小时',
  age: (ms) => {
    const { h, m, s } = ageParts(ms);
    if (h > 0) return `${h} 小时 ${m} 分`;
    if (m > 0) return `${m} 分钟`;
    return `${s} 秒`;
  },
  notFound: '页面不存在',
  wall: wallZh,
  surroundings: surroundingsZh,
  auth: authZh,
  console: consoleZh,
  defence: defenceZh,
};

const en: Messages = {
  appTitle: (city) => `${city.en} Emergency Command Centre · One-Map`,
  feedLabel: 'Meteorology',
  feedStatus: { live: 'Live', late: 'Late', silent: 'Silent', never: 'No data' },
  feedStaleBanner: (dept, category, age) => `${dept}: ${category.toLowerCase()} data not updated for ${age}`,
  feedNeverBanner: (dept, category) => `No ${category.toLowerCase()} data received from ${dept} yet`,
  connectionLost: 'Connection lost, reconnecting…',
  connecting: 'Connecting…',
  rankingTitle: '1-hour rainfall ranking',
  rankingColumns: { rank: '#', station: 'Station', district: 'District', rainfall: 'Rain' },
  rankingEmpty: 'No rainfall data yet',
  trendTitle: '24-h rain trend',
  trendEmpty: 'No data in the last 24 hours',
  trendLatest: 'Latest',
  dataAge: (age) => `data ${age} old`,
  noData: 'No data',
  unitMm: 'mm',
  unitMmPerHour: 'mm/h',
  age: (ms) => {
    const { h, m, s } = ageParts(ms);
    if (h > 0) return `${h} h ${m} min`;
    if (m > 0) return `${m} min`;
    return `${s} s`;
  },
  notFound: 'Page not found',
  wall: wallEn,
  surroundings: surroundingsEn,
  auth: authEn,
  console: consoleEn,
  defence: defenceEn,
};

export const messages: Record<Locale, Messages> = { 'zh-CN': zh, en };
