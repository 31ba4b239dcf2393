/** Option types only (no runtime import), so pure option builders stay testable in Node. */
import type { ComposeOption } from 'echarts/core';
import type { CustomSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GeoComponentOption, GridComponentOption, MarkLineComponentOption } from 'echarts/components';

export type WallChartOption = ComposeOption<
  ScatterSeriesOption | LineSeriesOption | CustomSeriesOption | GeoComponentOption | GridComponentOption | MarkLineComponentOption
>;
