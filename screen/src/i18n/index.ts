import type { LocalName } from '@beacon/shared';
import { locales, messages, type Locale, type Messages } from './messages.ts';

export { locales, messages, type Locale, type Messages };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Accepts the short forms people type in a URL (`zh`, `en`, `en-GB`). */
export function parseLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v === 'zh' || v.startsWith('zh-')) return 'zh-CN';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return null;
}

/** Picks the right half of a region's `{ zh, en }` name. */
export function localName(name: LocalName | undefined, locale: Locale, fallback = ''): string {
  if (!name) return fallback;
  return locale === 'en' ? name.en : name.zh;
}

// Made once: building an Intl.DateTimeFormat costs ~80 µs, and these run per tile, post and team on
// every delta.
const HALL = { timeZone: 'Asia/Shanghai', hourCycle: 'h23' } as const;
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: HALL.timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }),
  en: new Intl.DateTimeFormat('en', { timeZone: HALL.timeZone, year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }),
};
const timeFormat = new Intl.DateTimeFormat('en-GB', { ...HALL, hour: '2-digit', minute: '2-digit', second: '2-digit' });
const hourMinuteFormat = new Intl.DateTimeFormat('en-GB', { ...HALL, hour: '2-digit', minute: '2-digit' });

/** Wall clock in the command hall's time zone, whatever zone the browser runs in. */
export function formatClock(epochMs: number, locale: Locale): { date: string; time: string } {
  const d = new Date(epochMs);
  return { date: dateFormats[locale].format(d), time: formatTime(epochMs) };
}

/** HH:mm:ss in Asia/Shanghai: when something was marked, ordered or issued. */
export function formatTime(epochMs: number): string {
  return timeFormat.format(new Date(epochMs));
}

/** HH:mm in Asia/Shanghai, for chart axes. */
export function formatHourMinute(epochMs: number): string {
  return hourMinuteFormat.format(new Date(epochMs));
}

const countFormats: Record<Locale, Intl.NumberFormat> = { 'zh-CN': new Intl.NumberFormat('zh-CN'), en: new Intl.NumberFormat('en') };

/**
 * A count with the locale's grouping ("4,900"), as `toLocaleString(locale)` writes it — which builds a
 * new Intl.NumberFormat on every call: the defence panel's dozens of numbers at 10 Hz cost the loaded
 * wall ~20 ms a second (tests/bench/wall-profile.ts).
 */
export function formatCount(v: number, locale: Locale): string {
  return countFormats[locale].format(v);
}

/** Rainfall with one decimal, the precision gauges report. */
export function formatMm(mm: number): string {
  return mm.toFixed(1);
}

/** The URL wins (and is remembered), then the stored preference, then Chinese. */
export function resolveLocale(search: string, stored: string | null): { locale: Locale; remember: boolean } {
  const fromUrl = parseLocale(new URLSearchParams(search).get('lang'));
  if (fromUrl) return { locale: fromUrl, remember: true };
  return { locale: parseLocale(stored) ?? 'zh-CN', remember: false };
}
