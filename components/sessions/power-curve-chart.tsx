'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Power (kW) over the session, from its Power.Active.Import samples. */
export function PowerCurveChart({ points }: { points: { at: number; kw: number }[] }) {
  if (points.length === 0) return <p className="text-sm text-muted-foreground">The station sent no power samples for this session.</p>;
  return (
    <div className="h-64 w-full" role="img" aria-label={`Power curve, ${points.length} samples, peak ${Math.max(...points.map((point) => point.kw)).toFixed(1)} kW`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} tickFormatter={time} fontSize={12} />
          <YAxis unit=" kW" fontSize={12} width={64} />
          <Tooltip labelFormatter={(at) => time(Number(at))} formatter={(value) => [`${Number(value).toFixed(1)} kW`, 'Power']} />
          <Line type="monotone" dataKey="kw" dot={false} isAnimationActive={false} strokeWidth={2} className="stroke-primary" />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
