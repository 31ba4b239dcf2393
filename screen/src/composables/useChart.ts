import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import { init, type EChartsType, type WallChartOption } from '../charts/echarts.ts';

export interface ChartClick {
  seriesId?: string;
  data?: unknown;
}

/**
 * One ECharts instance bound to an element: created on mount, updated when the option
 * changes (merging by series id, so 10 Hz updates do not rebuild the chart), resized with its
 * box, and disposed on unmount.
 */
export function useChart(el: Ref<HTMLElement | null>, option: Ref<WallChartOption>, onClick?: (e: ChartClick) => void) {
  const chart = shallowRef<EChartsType | null>(null);
  let observer: ResizeObserver | null = null;

  onMounted(() => {
    if (!el.value) return;
    const c = init(el.value, null, { renderer: 'canvas' });
    c.setOption(option.value);
    if (onClick) c.on('click', (p) => onClick(p as ChartClick));
    observer = new ResizeObserver(() => c.resize());
    observer.observe(el.value);
    chart.value = c;
  });

  // Options are built whole each time: a series that is gone (a layer switched off, the focus rings
  // after the wall leaves an incident) or a map zoom that no longer applies must leave the chart, not
  // linger from the last merge.
  watch(option, (next) => chart.value?.setOption(next, { lazyUpdate: true, replaceMerge: ['series', 'geo'] }));

  onBeforeUnmount(() => {
    observer?.disconnect();
    observer = null;
    chart.value?.dispose();
    chart.value = null;
  });

  return chart;
}
