const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Weekday × local hour grid: the share of port time occupied (charging or idle). */
export function OccupancyHeatmap({ cells }: { cells: { weekday: number; hour: number; occupiedShare: number | null }[] }) {
  const at = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.occupiedShare]));
  return (
    <figure className="space-y-2 overflow-x-auto">
      <figcaption className="text-sm font-medium">Occupancy by weekday and hour (site time)</figcaption>
      <table className="border-separate border-spacing-0.5 text-xs" aria-label="Occupancy heatmap">
        <thead>
          <tr>
            <th />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} className="w-7 font-normal text-muted-foreground">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((name, i) => (
            <tr key={name}>
              <th className="pr-2 text-left font-normal text-muted-foreground">{name}</th>
              {Array.from({ length: 24 }, (_, h) => {
                const value = at.get(`${i + 1}:${h}`) ?? null;
                return (
                  <td
                    key={h}
                    title={value === null ? 'no data' : `${Math.round(value * 100)} %`}
                    className="h-6 w-7 rounded-sm bg-primary"
                    style={{ opacity: value === null ? 0.05 : 0.1 + value * 0.9 }}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
