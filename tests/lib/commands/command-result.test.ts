import { describe, expect, it } from 'vitest';
import { classifyResponse } from '@/lib/commands/command-catalog';
import { commandHttpResult } from '@/lib/commands/command-result';
import type { Command } from '@/lib/db/schema';

const command = (patch: Partial<Command>): Command => ({
  id: 1, actorType: 'user', actorId: 'u', actorLabel: 'ada@example.com', stationId: 'CP-1', action: 'Reset', payload: { type: 'Soft' },
  state: 'completed', response: null, errorCode: null, errorDescription: null, nodeId: 'n', timeoutMs: 30_000,
  createdAt: new Date(0), expiresAt: new Date(30_000), sentAt: null, finishedAt: null, ...patch,
});

describe('classifyResponse', () => {
  it('counts Accepted, Unlocked, Scheduled (§5.2), RebootRequired (§5.3) and status-less confs as completed', () => {
    for (const response of [{ status: 'Accepted' }, { status: 'Unlocked' }, { status: 'Scheduled' }, { status: 'RebootRequired' }, {}, { fileName: 'd.log' }]) {
      expect(classifyResponse(response)).toBe('completed');
    }
  });
  it('counts every other status as a refusal', () => {
    for (const status of ['Rejected', 'NotSupported', 'UnlockFailed', 'Occupied', 'Faulted', 'Unavailable', 'NotImplemented', 'UnknownVendorId', 'VersionMismatch', 'Unknown']) {
      expect(classifyResponse({ status })).toBe('rejected');
    }
  });
});

describe('commandHttpResult', () => {
  it('maps each final state to its HTTP answer', () => {
    expect(commandHttpResult(command({ state: 'rejected', response: { status: 'Rejected' } }))).toEqual({ status: 200, body: { status: 'rejected', commandId: 1, response: { status: 'Rejected' } } });
    expect(commandHttpResult(command({ state: 'offline' })).status).toBe(409);
    expect(commandHttpResult(command({ state: 'timed_out' })).status).toBe(504);
    expect(commandHttpResult(command({ state: 'failed', errorCode: 'ConnectionClosed', errorDescription: 'closed' }))).toEqual({
      status: 502,
      body: { error: { code: 'call_failed', message: 'closed', commandId: 1 } },
    });
    expect(commandHttpResult(command({ state: 'failed', errorCode: 'GenericError', errorDescription: 'busy' })).body).toMatchObject({
      error: { code: 'call_error', ocppErrorCode: 'GenericError', ocppErrorDescription: 'busy', message: 'The station answered CALLERROR GenericError: busy' },
    });
  });
});
