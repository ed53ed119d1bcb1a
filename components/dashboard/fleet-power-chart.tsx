'use client';

import type { PowerPoint } from '@/lib/dashboard/power-points';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type { PowerPoint };

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Fleet power over time: 5-minute history from the database, then the overview's live readings. */
export function FleetPowerChart({ points }: { points: PowerPoint[] }) {
  return (
    <div className="h-56 w-full" role="img" aria-label={`Fleet power, now ${points.at(-1)?.kw.toFixed(1) ?? 0} kW`} data-points={points.length}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} tickFormatter={time} fontSize={12} />
          <YAxis unit=" kW" fontSize={12} width={64} />
          <Tooltip labelFormatter={(at) => time(Number(at))} formatter={(value) => [`${Number(value).toFixed(1)} kW`, 'Power']} />
          <Area type="monotone" dataKey="kw" isAnimationActive={false} strokeWidth={2} className="fill-primary/20 stroke-primary" />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
