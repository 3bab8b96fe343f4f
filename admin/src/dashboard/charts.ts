// ECharts, tree-shaken: only the bar chart and the components the dashboard draws, on the canvas renderer.
// echarts/core carries its Chinese (ZH) and English (EN) locales itself.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
/** The ECharts locale of an admin locale. */
export const chartLocale = (locale: string) => (locale === 'en' ? 'EN' : 'ZH');
