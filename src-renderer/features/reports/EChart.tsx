import { useEffect, useRef } from 'react';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the reports draw, drawn on canvas: no tooltip (its HTML would need inline styles the CSP refuses),
// the numbers are in the table beside each chart.
echarts.use([BarChart, HeatmapChart, GridComponent, LegendComponent, VisualMapComponent, CanvasRenderer]);

/** One ECharts chart, redrawn when its option changes and resized with its box; a picture, its table is the text. */
export function EChart({ option, label, testId }: { option: Record<string, unknown>; label: string; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} className="report-chart" role="img" aria-label={label} data-testid={testId} />;
}
