'use client';

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartBar {
  label: string;
  value: number;
}

/** One bar chart for any report series; `target` draws a reference line (the 97 % uptime line). */
export function ReportBarChart({ title, bars, unit, target }: { title: string; bars: ChartBar[]; unit?: string; target?: number }) {
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div className="h-64 w-full" role="img" aria-label={title}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="label" fontSize={12} interval={0} angle={bars.length > 8 ? -30 : 0} height={bars.length > 8 ? 60 : 30} textAnchor={bars.length > 8 ? 'end' : 'middle'} />
            <YAxis unit={unit} fontSize={12} width={64} />
            <Tooltip formatter={(value) => [`${value}${unit ?? ''}`, title]} />
            <Bar dataKey="value" isAnimationActive={false} className="fill-primary" />
            {target !== undefined ? <ReferenceLine y={target} strokeDasharray="4 4" className="stroke-destructive" label={{ value: `${target}${unit ?? ''}`, fontSize: 12 }} /> : null}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
