import { describe, expect, it } from 'vitest';
import { evaluateIdTag } from '@/lib/id-tags/evaluate-id-tag';
import type { IdTagForAuthorization, TagAncestor } from '@/lib/db/queries/id-tags';

const now = new Date('2026-06-01T12:00:00Z');
const past = new Date('2026-01-01T00:00:00Z');
const found = (tag: Partial<IdTagForAuthorization['tag']> = {}, rest: Partial<Omit<IdTagForAuthorization, 'tag'>> = {}): IdTagForAuthorization => ({
  tag: { idTag: 'TAG', status: 'Accepted', expiresAt: null, parentIdTag: null, maxConcurrentTx: 1, ...tag },
  driverStatus: null,
  allowedAtStation: true,
  ancestors: [],
  ...rest,
});
const ancestor = (patch: Partial<TagAncestor> = {}): TagAncestor => ({ idTag: 'P', status: 'Accepted', expiresAt: null, ...patch });
const status = (f: IdTagForAuthorization | undefined, openTransactions = 0) => evaluateIdTag({ found: f, openTransactions, now }).status;

describe('evaluateIdTag', () => {
  it('Invalid when unknown', () => {
    expect(evaluateIdTag({ found: undefined, openTransactions: 0, now })).toEqual({ status: 'Invalid' });
  });
  it('Accepted with expiryDate and parentIdTag', () => {
    const expiresAt = new Date('2026-07-01T00:00:00Z');
    expect(evaluateIdTag({ found: found({ expiresAt, parentIdTag: 'P' }, { ancestors: [ancestor()] }), openTransactions: 0, now })).toEqual({
      status: 'Accepted',
      expiryDate: expiresAt.toISOString(),
      parentIdTag: 'P',
    });
  });
  it('answers the earliest expiry of the chain, so a station drops the tag from its cache with its group', () => {
    const soon = new Date('2026-06-02T00:00:00Z');
    const info = evaluateIdTag({ found: found({ expiresAt: new Date('2027-01-01T00:00:00Z'), parentIdTag: 'P' }, { ancestors: [ancestor({ expiresAt: soon })] }), openTransactions: 0, now });
    expect(info).toEqual({ status: 'Accepted', expiryDate: soon.toISOString(), parentIdTag: 'P' });
  });
  it('Blocked beats Expired beats site beats ConcurrentTx', () => {
    expect(status(found({ status: 'Blocked', expiresAt: past }, { allowedAtStation: false }), 5)).toBe('Blocked');
    expect(status(found({ expiresAt: past }, { allowedAtStation: false }), 5)).toBe('Expired');
    expect(status(found({ status: 'Expired' }))).toBe('Expired');
    expect(status(found({}, { allowedAtStation: false }), 5)).toBe('Invalid');
    expect(status(found(), 1)).toBe('ConcurrentTx');
  });
  it('expires at the instant of expiryDate', () => {
    expect(status(found({ expiresAt: now }))).toBe('Expired');
  });
  it('inherits Blocked and Expired from any tag above it, Blocked from its driver', () => {
    expect(status(found({ parentIdTag: 'P' }, { ancestors: [ancestor({ expiresAt: past })] }))).toBe('Expired');
    expect(status(found({ parentIdTag: 'P' }, { ancestors: [ancestor({ status: 'Expired' })] }))).toBe('Expired');
    expect(status(found({ parentIdTag: 'P' }, { ancestors: [ancestor({ status: 'Blocked' })] }))).toBe('Blocked');
    expect(status(found({ parentIdTag: 'P' }, { ancestors: [ancestor(), ancestor({ idTag: 'GP', status: 'Blocked' })] }))).toBe('Blocked');
    expect(status(found({}, { driverStatus: 'blocked' }))).toBe('Blocked');
    expect(status(found({}, { driverStatus: 'active' }))).toBe('Accepted');
  });
  it('no limit when maxConcurrentTx is null', () => {
    expect(status(found({ maxConcurrentTx: null }), 10)).toBe('Accepted');
  });
});
