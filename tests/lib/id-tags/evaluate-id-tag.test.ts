import { describe, expect, it } from 'vitest';
import { evaluateIdTag } from '@/lib/id-tags/evaluate-id-tag';
import type { IdTag } from '@/lib/db/schema';

const now = new Date('2026-06-01T12:00:00Z');
const tag = (patch: Partial<IdTag> = {}): IdTag => ({
  id: 'id',
  idTag: 'TAG',
  parentIdTag: null,
  blocked: false,
  expiresAt: null,
  maxConcurrentTx: 1,
  label: null,
  createdAt: now,
  updatedAt: now,
  ...patch,
});

describe('evaluateIdTag', () => {
  it('Invalid when unknown', () => {
    expect(evaluateIdTag({ found: undefined, openTransactions: 0, now })).toEqual({ status: 'Invalid' });
  });
  it('Accepted with expiryDate and parentIdTag', () => {
    const expiresAt = new Date('2026-07-01T00:00:00Z');
    expect(evaluateIdTag({ found: { tag: tag({ expiresAt, parentIdTag: 'P' }), parent: null }, openTransactions: 0, now })).toEqual({
      status: 'Accepted',
      expiryDate: expiresAt.toISOString(),
      parentIdTag: 'P',
    });
  });
  it('Blocked beats Expired beats ConcurrentTx', () => {
    const past = new Date('2026-01-01T00:00:00Z');
    expect(evaluateIdTag({ found: { tag: tag({ blocked: true, expiresAt: past }), parent: null }, openTransactions: 5, now }).status).toBe('Blocked');
    expect(evaluateIdTag({ found: { tag: tag({ expiresAt: past }), parent: null }, openTransactions: 5, now }).status).toBe('Expired');
    expect(evaluateIdTag({ found: { tag: tag(), parent: null }, openTransactions: 1, now }).status).toBe('ConcurrentTx');
  });
  it('expires at the instant of expiryDate', () => {
    expect(evaluateIdTag({ found: { tag: tag({ expiresAt: now }), parent: null }, openTransactions: 0, now }).status).toBe('Expired');
  });
  it('inherits Blocked and Expired from the parent tag', () => {
    const parent = { idTag: 'P', blocked: false, expiresAt: new Date('2026-01-01T00:00:00Z') };
    expect(evaluateIdTag({ found: { tag: tag({ parentIdTag: 'P' }), parent }, openTransactions: 0, now }).status).toBe('Expired');
    expect(evaluateIdTag({ found: { tag: tag({ parentIdTag: 'P' }), parent: { ...parent, blocked: true } }, openTransactions: 0, now }).status).toBe('Blocked');
  });
  it('no limit when maxConcurrentTx is null', () => {
    expect(evaluateIdTag({ found: { tag: tag({ maxConcurrentTx: null }), parent: null }, openTransactions: 10, now }).status).toBe('Accepted');
  });
});
