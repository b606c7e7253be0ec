import { useCallback } from 'react';
import type { Velocity } from '../../api/sprint-keys';
import { Chart, type ChartPalette } from '../../ui/chart';
import { formatPoints } from './sprint-model';

/** Committed against completed points per finished sprint, with the recent average as a line. */
export function VelocityChart({ velocity }: { velocity: Velocity }) {
  const option = useCallback(
    (palette: ChartPalette) => ({
      animation: false,
      textStyle: { color: palette.text, fontFamily: palette.font },
      tooltip: { trigger: 'axis', backgroundColor: palette.background, borderColor: palette.border, textStyle: { color: palette.text } },
      legend: { top: 0, itemGap: 16, textStyle: { color: palette.muted, fontFamily: palette.font }, data: ['Committed', 'Completed', ...(velocity.average !== null ? ['Average completed'] : [])] },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: velocity.sprints.map((sprint) => sprint.name), axisLabel: { color: palette.muted }, axisLine: { lineStyle: { color: palette.border } } },
      yAxis: { type: 'value', name: 'Points', nameTextStyle: { color: palette.muted }, axisLabel: { color: palette.muted }, splitLine: { lineStyle: { color: palette.border, type: 'dashed' } } },
      series: [
        { name: 'Committed', type: 'bar', data: velocity.sprints.map((sprint) => sprint.committed), itemStyle: { color: palette.border } },
        { name: 'Completed', type: 'bar', data: velocity.sprints.map((sprint) => sprint.completed), itemStyle: { color: palette.done } },
        ...(velocity.average !== null
          ? [{ name: 'Average completed', type: 'line', data: velocity.sprints.map(() => velocity.average), symbol: 'none', lineStyle: { color: palette.progress, type: 'dashed', width: 2 }, itemStyle: { color: palette.progress } }]
          : []),
      ],
    }),
    [velocity],
  );
  return (
    <Chart
      label="Velocity: committed and completed points per finished sprint"
      height={240}
      option={option}
      description={
        <table>
          <caption>
            Velocity per finished sprint{velocity.average !== null ? `; recent average ${formatPoints(velocity.average)} completed` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Sprint</th>
              <th scope="col">Committed</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {velocity.sprints.map((sprint) => (
              <tr key={sprint.id}>
                <th scope="row">{sprint.name}</th>
                <td>{formatPoints(sprint.committed)}</td>
                <td>{formatPoints(sprint.completed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
