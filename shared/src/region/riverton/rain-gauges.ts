import type { RainGauge } from '../types.ts';

// Five gauges per district, named after invented subdistricts; ids follow Xiamen's "district letters + number" habit.
export const rivertonRainGauges: readonly RainGauge[] = [
  { id: 'HX01', name: { zh: '西门', en: 'Ximen' }, district: '河西区', lon: 116.15, lat: 26.15 },
  { id: 'HX02', name: { zh: '柳岸', en: "Liu'an" }, district: '河西区', lon: 116.25, lat: 26.25 },
  { id: 'HX03', name: { zh: '石桥', en: 'Shiqiao' }, district: '河西区', lon: 116.15, lat: 26.25 },
  { id: 'HX04', name: { zh: '南塘', en: 'Nantang' }, district: '河西区', lon: 116.25, lat: 26.15 },
  { id: 'HX05', name: { zh: '中街', en: 'Zhongjie' }, district: '河西区', lon: 116.17, lat: 26.17 },
  { id: 'HD01', name: { zh: '东关', en: 'Dongguan' }, district: '河东区', lon: 116.35, lat: 26.15 },
  { id: 'HD02', name: { zh: '渡口', en: 'Dukou' }, district: '河东区', lon: 116.45, lat: 26.25 },
  { id: 'HD03', name: { zh: '沙洲', en: 'Shazhou' }, district: '河东区', lon: 116.35, lat: 26.25 },
  { id: 'HD04', name: { zh: '新港', en: 'Xingang' }, district: '河东区', lon: 116.45, lat: 26.15 },
  { id: 'HD05', name: { zh: '河埠', en: 'Hebu' }, district: '河东区', lon: 116.37, lat: 26.17 },
  { id: 'BS01', name: { zh: '山前', en: 'Shanqian' }, district: '北山区', lon: 116.2, lat: 26.35 },
  { id: 'BS02', name: { zh: '林场', en: 'Linchang' }, district: '北山区', lon: 116.4, lat: 26.35 },
  { id: 'BS03', name: { zh: '茶园', en: 'Chayuan' }, district: '北山区', lon: 116.15, lat: 26.37 },
  { id: 'BS04', name: { zh: '岭下', en: 'Lingxia' }, district: '北山区', lon: 116.3, lat: 26.33 },
  { id: 'BS05', name: { zh: '泉口', en: 'Quankou' }, district: '北山区', lon: 116.45, lat: 26.37 },
];
