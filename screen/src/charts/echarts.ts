/**
 * The only place ECharts parts are registered. Import ECharts from here, never from 'echarts':
 * registering only what the wall uses keeps the initial bundle small.
 */
import { use, init, registerMap, type EChartsType } from 'echarts/core';
import { CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, MarkLineComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import type { Region } from '@beacon/shared';

// Add a part here when a panel needs it, and its option type in options.ts.
// CustomChart draws the typhoon's cone, wind circles and forecast path in map coordinates.
use([ScatterChart, LineChart, CustomChart, GeoComponent, GridComponent, MarkLineComponent, LabelLayout, CanvasRenderer]);

export type { WallChartOption } from './options.ts';
export { init, type EChartsType };

const registered = new Set<string>();

/** Registers a region's district boundaries under its map name, once. */
export function registerRegionMap(region: Region): void {
  if (registered.has(region.mapName)) return;
  // ECharts' GeoJSON type is looser than ours; the shape is plain GeoJSON.
  registerMap(region.mapName, region.districts as unknown as Parameters<typeof registerMap>[1]);
  registered.add(region.mapName);
}
