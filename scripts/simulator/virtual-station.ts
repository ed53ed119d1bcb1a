import { setTimeout as sleep } from 'node:timers/promises';
import { RPCClient } from 'ocpp-rpc';
import type { ChargePointStatus, StopReason } from '@/lib/ocpp/v16/types';
import type { Ev } from './ev-model';
import { defaultConfiguration } from './station-config';

export interface Session {
  transactionId: number;
  idTag: string;
  ev: Ev;
  stop(reason: StopReason): void;
}

export interface ConnectorState {
  id: number;
  status: ChargePointStatus;
  available: boolean;
  meterWh: number;
  maxPowerW: number;
  session?: Session;
  reservation?: { id: number; idTag: string; expiresAt: number };
}

export interface SimulatorStats {
  connected: number;
  calls: number;
  callErrors: number;
  sessionsStarted: number;
  sessionsCompleted: number;
  meterValues: number;
}

export interface StationOptions {
  url: string;
  identity: string;
  connectors: number;
  password?: string;
  meterIntervalS: number;
  speed: number;
  idleS: [number, number];
  idTags: string[];
  log(line: string): void;
  stats: SimulatorStats;
}

/** One virtual OCPP 1.6 charge point on ocpp-rpc (strict: what it sends and what it is answered are schema-checked). */
export class VirtualStation {
  readonly client: RPCClient;
  readonly connectors: ConnectorState[];
  readonly config: Map<string, { value: string; readonly: boolean }>;
  registration: 'Unknown' | 'Accepted' | 'Pending' | 'Rejected' = 'Unknown';
  localListVersion = 0;
  heartbeatS = 300;
  private readonly abort = new AbortController();

  constructor(readonly options: StationOptions) {
    this.connectors = Array.from({ length: options.connectors }, (_, i) => ({
      id: i + 1,
      status: 'Available',
      available: true,
      meterWh: Math.floor(Math.random() * 1_000_000),
      maxPowerW: 22_000,
    }));
    this.config = defaultConfiguration(options);
    this.client = new RPCClient({
      endpoint: options.url,
      identity: options.identity,
      protocols: ['ocpp1.6'],
      strictMode: true,
      password: options.password ?? null,
      reconnect: true,
      callTimeoutMs: 30_000,
      backoff: { initialDelay: 1000, maxDelay: 30_000, factor: 2, randomisationFactor: 0.5 },
    } as unknown as ConstructorParameters<typeof RPCClient>[0]);
    this.client.on('open', () => {
      options.stats.connected++;
      void this.afterConnect();
    });
    this.client.on('disconnect', () => options.stats.connected--);
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /**
   * Connects, retrying with backoff until it works or the simulator stops (ocpp-rpc reconnects
   * by itself only once a connection has been made).
   */
  async start(): Promise<void> {
    for (let delayMs = 1000; !this.signal.aborted; delayMs = Math.min(delayMs * 2, 30_000)) {
      try {
        await this.client.connect();
        return;
      } catch (error) {
        this.options.log(`${this.options.identity}: ${(error as Error).message}; retrying in ${delayMs / 1000} s`);
        await sleep(delayMs * (0.75 + Math.random() / 2), undefined, { signal: this.signal }).catch(() => {});
      }
    }
  }

  /** Sessions in progress, including their closing StopTransaction. */
  sessionsRunning = 0;
  private closed = false;

  /** Ends the loops, lets running sessions send their StopTransaction (up to 10 s), then disconnects. */
  async stop(): Promise<void> {
    this.abort.abort();
    for (const connector of this.connectors) connector.session?.stop('Local');
    for (let waited = 0; this.sessionsRunning > 0 && waited < 10_000; waited += 50) await sleep(50);
    this.closed = true;
    await this.client.close({ code: 1000, reason: 'Simulator stopping' });
  }

  /** A call that may fail (offline, timeout): counted and logged, never thrown. */
  async send<T = unknown>(action: string, payload: object): Promise<T | undefined> {
    this.options.stats.calls++;
    try {
      return (await this.client.call(action, payload)) as T;
    } catch (error) {
      this.options.stats.callErrors++;
      if (!this.closed) this.options.log(`${this.options.identity} ${action}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Transaction messages must arrive (OCPP 1.6 §4.8: queued and retried until delivered). */
  async sendReliably<T = unknown>(action: string, payload: object): Promise<T | undefined> {
    for (let attempt = 0; !this.closed && attempt < 30; attempt++) {
      const answer = await this.send<T>(action, payload);
      if (answer !== undefined) return answer;
      await sleep(2000);
    }
    return undefined;
  }

  async setStatus(connectorId: number, status: ChargePointStatus): Promise<void> {
    const connector = this.connectors.find((c) => c.id === connectorId);
    if (connector) connector.status = status;
    await this.send('StatusNotification', { connectorId, status, errorCode: 'NoError', timestamp: new Date().toISOString() });
  }

  /** OCPP 1.6 §4.2: BootNotification until Accepted (Pending/Rejected: again after `interval`). */
  private async afterConnect(): Promise<void> {
    while (this.registration !== 'Accepted' && !this.signal.aborted) {
      const answer = await this.send<{ status: 'Accepted' | 'Pending' | 'Rejected'; interval: number }>('BootNotification', {
        chargePointVendor: 'CSMS-Sim',
        chargePointModel: `Sim-${this.connectors.length}C`,
        chargePointSerialNumber: this.options.identity,
        firmwareVersion: '1.0.0',
        meterType: 'SimMeter',
      });
      if (!answer) return; // disconnected: the next 'open' starts over
      this.registration = answer.status;
      if (answer.status === 'Accepted') {
        this.heartbeatS = answer.interval > 0 ? answer.interval : 300;
        this.config.get('HeartbeatInterval')!.value = String(this.heartbeatS);
        break;
      }
      await sleep(Math.max(1, answer.interval) * 1000, undefined, { signal: this.signal }).catch(() => {});
    }
    if (this.signal.aborted) return;
    await this.setStatus(0, 'Available');
    for (const connector of this.connectors) await this.setStatus(connector.id, connector.status);
    this.heartbeating ??= this.heartbeatLoop();
  }

  private heartbeating: Promise<void> | undefined;
  private async heartbeatLoop(): Promise<void> {
    while (!this.signal.aborted) {
      await sleep(this.heartbeatS * 1000, undefined, { signal: this.signal }).catch(() => {});
      if (!this.signal.aborted && this.client.state === RPCClient.OPEN) await this.send('Heartbeat', {});
    }
  }

  async reboot(): Promise<void> {
    for (const connector of this.connectors) connector.session?.stop('SoftReset');
    await sleep(200);
    this.registration = 'Unknown';
    await this.client.close({ code: 1000, reason: 'Reset' });
    if (!this.signal.aborted) await this.start();
  }
}
