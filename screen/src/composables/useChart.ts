import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import { init, type EChartsType, type WallChartOption } from '../charts/echarts.ts';
import { chartUpdate } from '../charts/chartUpdate.ts';
import { createFrameQueue } from '../lib/frameQueue.ts';

export interface ChartClick {
  seriesId?: string;
  data?: unknown;
}

/**
 * One ECharts instance bound to an element: created on mount, updated when the option changes,
 * resized with its box, and disposed on unmount.
 *
 * Updates are coalesced, and each sends ECharts only what changed since the option it shows
 * (charts/chartUpdate.ts: series by id, gone series removed by replaceMerge only when the set
 * changes). Every setOption is a full ECharts update of the chart, so several option changes before
 * the chart's turn cost one, and a change of "now" that moves nothing costs none. The page's charts
 * take turns, one update per animation frame (lib/frameQueue.ts), so charts changing in the same
 * second do not add up to one long frame.
 */
const frames = createFrameQueue((run) => requestAnimationFrame(run));

export function useChart(el: Ref<HTMLElement | null>, option: Ref<WallChartOption>, onClick?: (e: ChartClick) => void) {
  const chart = shallowRef<EChartsType | null>(null);
  let observer: ResizeObserver | null = null;
  /** The option the chart shows, as built (the reference the next one is compared with). */
  let shown: WallChartOption | null = null;

  function flush() {
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
    if (chart.value) frames.push(flush);
  });

  onBeforeUnmount(() => {
    frames.drop(flush);
    observer?.disconnect();
    observer = null;
    chart.value?.dispose();
    chart.value = null;
  });

  return chart;
}
