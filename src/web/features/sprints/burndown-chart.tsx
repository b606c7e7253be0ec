import { useCallback } from 'react';
import type { Burndown } from '../../api/sprint-keys';
import { Chart, type ChartPalette } from '../../ui/chart';
import { burndownSummary, formatPlanDate, formatPoints } from './sprint-model';

/** Points remaining at the end of each day against the ideal straight line. */
export function BurndownChart({ burndown }: { burndown: Burndown }) {
  const option = useCallback(
    (palette: ChartPalette) => ({
      animation: false,
      textStyle: { color: palette.text, fontFamily: palette.font },
      tooltip: { trigger: 'axis', backgroundColor: palette.background, borderColor: palette.border, textStyle: { color: palette.text } },
      legend: { top: 0, itemGap: 16, textStyle: { color: palette.muted, fontFamily: palette.font }, data: ['Remaining', 'Ideal'] },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', boundaryGap: false, data: burndown.days.map((day) => formatPlanDate(day.date)), axisLabel: { color: palette.muted }, axisLine: { lineStyle: { color: palette.border } } },
      yAxis: { type: 'value', name: 'Points', min: 0, nameTextStyle: { color: palette.muted }, axisLabel: { color: palette.muted }, splitLine: { lineStyle: { color: palette.border, type: 'dashed' } } },
      series: [
        { name: 'Ideal', type: 'line', data: burndown.days.map((day) => day.ideal), symbol: 'none', lineStyle: { color: palette.muted, type: 'dashed', width: 1.5 }, itemStyle: { color: palette.muted } },
        { name: 'Remaining', type: 'line', data: burndown.days.map((day) => day.remaining), connectNulls: false, symbolSize: 6, lineStyle: { color: palette.done, width: 2.5 }, itemStyle: { color: palette.done } },
      ],
    }),
    [burndown],
  );
  return (
    <Chart
      label="Burndown: points remaining per day against the ideal line"
      height={280}
      option={option}
      description={
        <>
          <p>{burndownSummary(burndown)}</p>
          <table>
            <caption>Points remaining at the end of each day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Remaining</th>
                <th scope="col">Ideal</th>
              </tr>
            </thead>
            <tbody>
              {burndown.days.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{formatPlanDate(day.date)}</th>
                  <td>{day.remaining === null ? 'not yet' : formatPoints(day.remaining)}</td>
                  <td>{formatPoints(Math.round(day.ideal * 10) / 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      }
    />
  );
}
