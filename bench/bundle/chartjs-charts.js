// A peer of the dashboard's chart chunk: Chart.js tree-shaken to what the dashboard draws (line,
// bar and pie charts with category/linear scales, legend and tooltips), bundled like our widgets.
import { Chart, LineController, BarController, PieController, LineElement, BarElement, ArcElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
Chart.register(LineController, BarController, PieController, LineElement, BarElement, ArcElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
globalThis.__peer = Chart;
