import { describe, expect, it } from 'vitest';
import { createBatcher } from '@/lib/ocpp/batcher';

describe('createBatcher', () => {
  it('groups what arrives while a write is in flight, and resolves each caller after its write', async () => {
    const writes: number[][] = [];
    const batcher = createBatcher<number>(async (items) => {
      writes.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }, { maxInFlight: 1 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => batcher.add([i])));
    expect(writes.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(writes.length).toBeLessThan(50);
  });

  it('a failing item fails only its own caller', async () => {
    const batcher = createBatcher<number>(async (items) => {
      if (items.includes(13)) throw new Error('bad item');
    });
    const results = await Promise.allSettled([batcher.add([1]), batcher.add([13]), batcher.add([2, 3])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('respects maxBatch and drains', async () => {
    const sizes: number[] = [];
    const batcher = createBatcher<number>(async (items) => void sizes.push(items.length), { maxBatch: 10, maxInFlight: 1 });
    for (let i = 0; i < 35; i++) void batcher.add([i]);
    await batcher.drain();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(35);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
    expect(batcher.queued).toBe(0);
  });
});
