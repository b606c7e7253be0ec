import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { Spinner } from './states';
import './chart.css';

/** Theme colours for charts, read from the CSS variables so both themes draw in their own palette. */
export interface ChartPalette {
  text: string;
  muted: string;
  border: string;
  accent: string;
  progress: string;
  done: string;
  danger: string;
  warning: string;
  background: string;
  /** The page's font stack: ECharts measures text with it, so labels are spaced for the font they are drawn in. */
  font: string;
}

function readPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: read('--text'),
    muted: read('--text-muted'),
    border: read('--border-strong'),
    accent: read('--accent-text'),
    progress: read('--status-progress'),
    done: read('--status-done'),
    danger: read('--danger'),
    warning: read('--warning'),
    background: read('--bg-elevated'),
    font: getComputedStyle(document.body).fontFamily,
  };
}

/** The current theme's palette, updated when the user switches theme. */
function usePalette(): ChartPalette | null {
  const [palette, setPalette] = useState<ChartPalette | null>(null);
  useEffect(() => {
    setPalette(readPalette());
    const observer = new MutationObserver(() => setPalette(readPalette()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return palette;
}

export interface ChartProps {
  /** What the chart shows, as its accessible name. */
  label: string;
  height: number;
  /** Builds the ECharts option from the theme's colours. */
  option: (palette: ChartPalette) => EChartsCoreOption;
  /**
   * The same numbers for people who cannot see the chart: a visually hidden
   * table or summary, read in place of the drawing.
   */
  description: ReactNode;
}

/**
 * An ECharts chart in a sized box, drawn as SVG. ECharts loads on first use;
 * the drawing is hidden from assistive technology, which reads `description`.
 */
export function Chart({ label, height, option, description }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const palette = usePalette();
  const [chart, setChart] = useState<{ setOption: (option: EChartsCoreOption, notMerge?: boolean) => void; resize: () => void; dispose: () => void } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let instance: { dispose: () => void } | null = null;
    import('./echarts-setup')
      .then(({ init }) => {
        if (disposed || !ref.current) return;
        const made = init(ref.current, undefined, { renderer: 'svg' });
        instance = made;
        setChart(made);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    if (!chart || !palette) return;
    chart.setOption(option(palette), true);
  }, [chart, palette, option]);

  useEffect(() => {
    if (!chart || !ref.current) return;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [chart]);

  return (
    <figure className="chart" aria-label={label}>
      <div className="chart-frame" style={{ height }}>
        {/* ECharts owns this box's children; React never renders into it. */}
        <div className="chart-canvas" aria-hidden="true" ref={ref} />
        {!chart && !failed && (
          <div className="chart-loading">
            <Spinner label={`Loading ${label}`} />
          </div>
        )}
      </div>
      {failed && <p className="chart-failed">The chart could not be drawn; the numbers are below.</p>}
      <figcaption className={failed ? 'chart-description' : 'chart-description visually-hidden'}>{description}</figcaption>
    </figure>
  );
}
