import { describe, expect, it } from 'vitest';
import { diffLocalList, fullLocalList } from '@/lib/local-lists/diff-local-list';
import { connectorAvailability } from '@/lib/driver-portal/connector-availability';

describe('diffLocalList (OCPP 1.6 §5.15 Differential)', () => {
  const sent = { A: { status: 'Accepted' }, B: { status: 'Accepted', expiryDate: '2030-01-01T00:00:00.000Z' }, C: { status: 'Blocked' } };

  it('is empty when nothing changed, whatever the key order', () => {
    expect(diffLocalList(sent, { C: { status: 'Blocked' }, B: { expiryDate: '2030-01-01T00:00:00.000Z', status: 'Accepted' }, A: { status: 'Accepted' } })).toEqual([]);
  });

  it('sends changed and new entries with idTagInfo, removed ones without', () => {
    const desired = { A: { status: 'Blocked' }, B: { status: 'Accepted' }, D: { status: 'Accepted', parentIdTag: 'A' } };
    expect(diffLocalList(sent, desired)).toEqual([
      { idTag: 'A', idTagInfo: { status: 'Blocked' } },
      { idTag: 'B', idTagInfo: { status: 'Accepted' } },
      { idTag: 'D', idTagInfo: { status: 'Accepted', parentIdTag: 'A' } },
      { idTag: 'C' },
    ]);
  });

  it('a Full list is every entry, sorted', () => {
    expect(fullLocalList({ B: { status: 'Accepted' }, A: { status: 'Expired' } })).toEqual([
      { idTag: 'A', idTagInfo: { status: 'Expired' } },
      { idTag: 'B', idTagInfo: { status: 'Accepted' } },
    ]);
  });
});

describe('connectorAvailability (what the driver is told)', () => {
  const at = (status: string | null, extra: Partial<Parameters<typeof connectorAvailability>[0]> = {}) => connectorAvailability({ online: true, accepted: true, status, ...extra });

  it('lets a driver start on Available and Preparing only, or on a connector reserved for them', () => {
    expect(at('Available').canStart).toBe(true);
    expect(at('Preparing').canStart).toBe(true);
    expect(at('Reserved', { reservedForDriver: true }).canStart).toBe(true);
    expect(at('Reserved').reason).toBe('This connector is reserved for someone else.');
  });

  it('names the reason in plain words otherwise', () => {
    expect(at('Charging').reason).toBe('This connector is in use by someone else.');
    expect(at('SuspendedEV').reason).toBe('This connector is in use by someone else.');
    expect(at('Faulted').reason).toBe('This connector is out of order. The operator has been told.');
    expect(at('Unavailable').reason).toBe('This connector is out of service.');
    expect(at(null).reason).toBe('This station has not reported this connector yet.');
    expect(at('Available', { online: false }).reason).toBe('This station is offline right now. Try another connector or come back later.');
    expect(at('Available', { accepted: false }).reason).toBe('This station is not in service yet.');
  });
});
