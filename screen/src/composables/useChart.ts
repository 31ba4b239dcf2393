import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import { init, type EChartsType, type WallChartOption } from '../charts/echarts.ts';
import { chartUpdate } from '../charts/chartUpdate.ts';

export interface ChartClick {
  seriesId?: string;
  data?: unknown;
}

/**
 * One ECharts instance bound to an element: created on mount, updated when the option changes,
 * resized with its box, and disposed on unmount.
 *
 * Updates are coalesced to one per animation frame, and each sends ECharts only what changed since
 * the option it shows (charts/chartUpdate.ts: series by id, gone series removed by replaceMerge only
 * when the set changes). Every setOption is a full ECharts update of the chart, so several option
 * changes within a frame cost one, and a change of "now" that moves nothing costs none.
 */
export function useChart(el: Ref<HTMLElement | null>, option: Ref<WallChartOption>, onClick?: (e: ChartClick) => void) {
  const chart = shallowRef<EChartsType | null>(null);
  let observer: ResizeObserver | null = null;
  /** The option the chart shows, as built (the reference the next one is compared with). */
  let shown: WallChartOption | null = null;
  let frame: number | null = null;

  function flush() {
    frame = null;
    const c = chart.value;
    if (!c) return;
    const next = option.value;
    const update = chartUpdate(shown, next);
    shown = next;
    if (update) c.setOption(update.option, update.opts);
  }

  onMounted(() => {
    if (!el.value) return;
    const c = init(el.value, null, { renderer: 'canvas' });
    chart.value = c;
    flush();
    if (onClick) c.on('click', (p) => onClick(p as ChartClick));
    observer = new ResizeObserver(() => c.resize());
    observer.observe(el.value);
  });

  watch(option, () => {
    if (frame === null && chart.value) frame = requestAnimationFrame(flush);
  });

  onBeforeUnmount(() => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    observer?.disconnect();
    observer = null;
    chart.value?.dispose();
    chart.value = null;
  });

  return chart;
}
