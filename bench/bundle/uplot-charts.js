// A peer of the dashboard's chart chunk: uPlot, the smallest charting library measured here (it
// draws lines and bars; pie charts are not part of it), bundled exactly like our widgets.
import uPlot from 'uplot';
globalThis.__peer = uPlot;
