import type { Db } from '../db/client';
import type { Command } from '../db/schema';
import { claimLowBalanceStopRetry, getLowBalanceStop, getTransactionWallet, insertLowBalanceStop, recordLowBalanceStopOutcome, recordLowBalanceStopRetryOutcome, type TransactionWallet } from '../db/queries/low-balance-stops';
import { DEFAULT_NODE_DEAD_AFTER_MS } from '../commands/create-command';
import { stationReachability } from '../commands/station-reachability';
import { getStationById } from '../db/queries/stations';
import { getTransactionById } from '../db/queries/transactions';
import { getWalletBalance } from '../db/queries/wallets';
import { priceTransaction } from '../billing/price-transaction';
import { isLowBalanceStopOn } from './low-balance-stop-setting';

export type LowBalanceCheck = 'no_transaction' | 'disabled' | 'busy' | 'no_wallet' | 'no_limit' | 'not_running' | 'not_priced' | 'within_balance' | 'already_requested' | 'stop_requested' | 'stop_retried';

export interface LowBalanceGuardDeps {
  db: Db;
  now(): Date;
  /** RemoteStopTransaction through the command path; resolves with the finished command row. */
  requestStop(input: { stationId: string; transactionId: number }): Promise<Command>;
  /** OCPP_NODE_DEAD_AFTER in ms: a station on a node with an older heartbeat is not reachable yet. */
  nodeDeadAfterMs?: number;
  /** How long the Settings switch and a wallet's balance are taken from memory. */
  settingTtlMs?: number;
  balanceTtlMs?: number;
}

/** `done`: a stop was recorded for the session; `settled`: nothing more to do for it (sent, or retried once). */
type Entry = TransactionWallet & { balance?: number; balanceAt?: number; done?: boolean; settled?: boolean };
const MAX_CACHED = 20_000;

/**
 * "Stop sessions when the wallet balance would go negative" (Settings, off by default), checked on
 * each MeterValues of a running session, so it must stay cheap: the switch and whether a session
 * is wallet-paid are cached (a session not paid by a wallet costs a map lookup), the balance is
 * cached for `balanceTtlMs` and re-read before a stop is decided. A wallet-paid session is priced
 * by the same engine as its invoice; once its gross cost so far reaches the balance, one row in
 * low_balance_stops (the primary key makes it once per session, whichever node) and one
 * RemoteStopTransaction. A stop that found the station offline is sent once more when the station
 * is back: the session's next MeterValues (which a station sends, queued ones first, once it has
 * reconnected) finds it reachable (online, on a live node); the retry is claimed in the row, so it goes out once across
 * nodes, and its outcome recorded next to the first. Wallets that allow a negative balance have no
 * limit and are not stopped.
 */
export function createLowBalanceGuard(deps: LowBalanceGuardDeps) {
  const { db } = deps;
  // The read itself is cached: thousands of MeterValues arriving at once share one settings query.
  let setting: { on: Promise<boolean>; at: number } | undefined;
  const sessions = new Map<number, Entry | null>();
  const busy = new Set<number>();
  const again = new Set<number>();

  async function enabled(now: number): Promise<boolean> {
    if (!setting || now - setting.at > (deps.settingTtlMs ?? 10_000)) setting = { on: isLowBalanceStopOn(db), at: now };
    const current = setting;
    try {
      return await current.on;
    } catch (error) {
      if (setting === current) setting = undefined; // a failed read is not cached
      throw error;
    }
  }

  /** The cached balance, or a fresh one (then `true`) when asked for or when the cache is stale. */
  async function balanceOf(entry: Entry, now: number, fresh: boolean): Promise<[number, boolean]> {
    if (!fresh && entry.balance !== undefined && now - entry.balanceAt! <= (deps.balanceTtlMs ?? 30_000)) return [entry.balance, false];
    Object.assign(entry, { balance: await getWalletBalance(db, entry.walletId), balanceAt: now });
    return [entry.balance!, true];
  }

  async function evaluate(transactionId: number, now: Date): Promise<LowBalanceCheck> {
    if (!sessions.has(transactionId)) {
      if (sessions.size >= MAX_CACHED) sessions.clear();
      sessions.set(transactionId, (await getTransactionWallet(db, transactionId)) ?? null);
    }
    const entry = sessions.get(transactionId);
    if (!entry) return 'no_wallet';
    if (entry.allowNegative) return 'no_limit';
    if (entry.done) return retryWhenBack(entry, transactionId, now);
    const transaction = await getTransactionById(db, transactionId);
    if (!transaction || transaction.stoppedAt) return 'not_running';
    const { cost } = await priceTransaction(db, transaction, { now });
    if (!cost || cost.currency !== entry.currency) return 'not_priced';
    const [cached, read] = await balanceOf(entry, now.getTime(), false);
    if (cost.gross < cached) return 'within_balance';
    const [balance] = read ? [cached] : await balanceOf(entry, now.getTime(), true);
    if (cost.gross < balance) return 'within_balance';
    entry.done = true;
    const first = await insertLowBalanceStop(db, { transactionId, walletId: entry.walletId, currency: entry.currency, costSoFar: cost.gross, balance, requestedAt: now });
    if (!first) return retryWhenBack(entry, transactionId, now);
    const outcome = await sendStop(transaction.stationId, transactionId);
    await recordLowBalanceStopOutcome(db, transactionId, outcome);
    if (!outcome.outcome.startsWith('offline')) entry.settled = true;
    return 'stop_requested';
  }

  async function sendStop(stationId: string, transactionId: number): Promise<{ commandId: number | null; outcome: string }> {
    return deps.requestStop({ stationId, transactionId }).then(
      (command) => ({ commandId: command.id, outcome: command.state === 'completed' ? `${command.state}: ${JSON.stringify(command.response)}` : `${command.state}${command.errorDescription ? `: ${command.errorDescription}` : ''}` }),
      (error: unknown) => ({ commandId: null, outcome: `failed: ${error instanceof Error ? error.message : String(error)}` }),
    );
  }

  /** What the command path asks before queueing (createCommand): online, on a node whose heartbeat is fresh. */
  async function isReachable(stationId: string): Promise<boolean> {
    const station = await getStationById(db, stationId);
    return station !== undefined && (await stationReachability(db, station, deps.nodeDeadAfterMs ?? DEFAULT_NODE_DEAD_AFTER_MS)) === 'reachable';
  }

  /** A recorded stop whose station was offline: sent once more as soon as the station can be reached again. */
  async function retryWhenBack(entry: Entry, transactionId: number, now: Date): Promise<LowBalanceCheck> {
    if (entry.settled) return 'already_requested';
    const stop = await getLowBalanceStop(db, transactionId);
    if (!stop?.outcome) return 'already_requested'; // still under way (here or on another node)
    if (!stop.outcome.startsWith('offline') || stop.retriedAt) {
      entry.settled = true;
      return 'already_requested';
    }
    const transaction = await getTransactionById(db, transactionId);
    if (!transaction || transaction.stoppedAt) {
      entry.settled = true;
      return 'not_running';
    }
    if (!(await isReachable(transaction.stationId))) return 'already_requested';
    entry.settled = true;
    if (!(await claimLowBalanceStopRetry(db, transactionId, now))) return 'already_requested';
    await recordLowBalanceStopRetryOutcome(db, transactionId, await sendStop(transaction.stationId, transactionId));
    return 'stop_retried';
  }

  return {
    /**
     * Checks one session now. At most one check per session runs at a time; a check asked for
     * while one runs answers 'busy' and makes the running one look again when it ends, so the
     * last MeterValues of a burst is never left unchecked.
     */
    async check(transactionId: number | null): Promise<LowBalanceCheck> {
      if (transactionId === null) return 'no_transaction';
      if (busy.has(transactionId)) {
        again.add(transactionId);
        return 'busy';
      }
      busy.add(transactionId);
      try {
        let result: LowBalanceCheck;
        do {
          again.delete(transactionId);
          const now = deps.now();
          result = (await enabled(now.getTime())) ? await evaluate(transactionId, now) : 'disabled';
        } while (again.has(transactionId));
        return result;
      } finally {
        busy.delete(transactionId);
        again.delete(transactionId);
      }
    },
  };
}

export type LowBalanceGuard = ReturnType<typeof createLowBalanceGuard>;
