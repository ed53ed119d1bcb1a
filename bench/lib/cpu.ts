import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processCpu(pid: number): { cpu: number; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by: this process (the load generator), the server, PostgreSQL (all its processes). */
export function cpuSnapshot(input: { serverPid?: number; postgresPid: number }) {
  let postgres = processCpu(input.postgresPid)?.cpu ?? 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = processCpu(Number(entry));
    if (info?.ppid === input.postgresPid) postgres += info.cpu;
  }
  const usage = process.cpuUsage();
  return {
    client: (usage.user + usage.system) / 1e6,
    server: input.serverPid ? (processCpu(input.serverPid)?.cpu ?? 0) : 0,
    postgres,
  };
}

export type CpuSnapshot = ReturnType<typeof cpuSnapshot>;

/** CPU seconds per process between two snapshots. */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot) {
  const round = (x: number) => Math.round(x * 10) / 10;
  return { client: round(b.client - a.client), server: round(b.server - a.server), postgres: round(b.postgres - a.postgres) };
}
