import { expect, it } from 'vitest';
import { startScheduler } from '@/ocpp-server/scheduler/scheduler';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('waits for a short run in progress when stopping, and runs nothing after', async () => {
  let runs = 0;
  let finished = 0;
  const scheduler = startScheduler([{ name: 'short', everyMs: 60_000, immediate: true, run: async () => { runs += 1; await wait(50); finished += 1; } }], () => {});
  expect(await scheduler.stop(5000)).toEqual([]);
  expect([runs, finished]).toEqual([1, 1]);
});

it('stops waiting for a long run after the limit and names it', async () => {
  let release!: () => void;
  const scheduler = startScheduler([{ name: 'analytics rollups', everyMs: 60_000, immediate: true, run: () => new Promise<void>((resolve) => (release = resolve)) }], () => {});
  expect(await scheduler.stop(100)).toEqual(['analytics rollups']);
  release();
});

it('reports a failed run and runs the task again next period', async () => {
  const errors: string[] = [];
  let runs = 0;
  const scheduler = startScheduler([{ name: 'flaky', everyMs: 20, run: async () => { runs += 1; if (runs === 1) throw new Error('database gone'); } }], (error, task) => errors.push(`${task}: ${(error as Error).message}`));
  while (runs < 2) await wait(10);
  await scheduler.stop();
  expect(errors).toEqual(['flaky: database gone']);
});
