import type { CsmsEvent } from '../bus/events';
import type { Db } from '../db/client';
import { listDriverTagValues } from '../db/queries/driver-transactions';
import { getDriverPayment } from '../db/queries/payments';
import { getTransactionById } from '../db/queries/transactions';

/** The connector page a driver has open: its status and its station's presence are public anyway. */
export interface WatchedConnector {
  stationId: string;
  connectorId: number;
}

const MAX_REMEMBERED = 5000;

/**
 * Which bus events a driver's stream may carry: transaction and meter events of the driver's own
 * transactions (looked up once per transaction: its idTag must be one of the driver's), and the
 * status of the connector they are looking at, and moves of the driver's own card payments (their
 * wallet's top-ups, their invoices; looked up per event, payments move rarely). Nothing else: not
 * another driver's session or payment, not events of other stations, not tag changes.
 */
export function driverEventMatcher(db: Db, driverId: string, watch: WatchedConnector | null): (event: CsmsEvent) => boolean | Promise<boolean> {
  let tags: Promise<Set<string>> | null = null;
  const own = new Map<number, Promise<boolean>>();
  const isOwn = (transactionId: number): Promise<boolean> => {
    let known = own.get(transactionId);
    if (!known) {
      if (own.size >= MAX_REMEMBERED) own.clear();
      tags ??= listDriverTagValues(db, driverId).then((values) => new Set(values));
      const driverTags = tags;
      known = getTransactionById(db, transactionId).then(async (transaction) => Boolean(transaction && (await driverTags).has(transaction.idTag)));
      // A failed lookup is asked again next time, not remembered as "not theirs".
      known.catch(() => own.delete(transactionId));
      own.set(transactionId, known);
    }
    return known;
  };
  return (event) => {
    switch (event.kind) {
      case 'transaction.started':
      case 'transaction.updated':
      case 'transaction.stopped':
        return isOwn(event.transactionId);
      case 'meter.values':
        return event.transactionId !== null && isOwn(event.transactionId);
      case 'connector.status':
        return watch !== null && event.stationId === watch.stationId && event.connectorId === watch.connectorId;
      case 'station.connected':
      case 'station.disconnected':
      case 'station.updated':
        return watch !== null && event.stationId === watch.stationId;
      case 'idTag.updated':
        // The driver's tags may have changed (a card added or blocked): look them up again.
        tags = null;
        own.clear();
        return false;
      case 'payment.updated':
        return getDriverPayment(db, driverId, event.paymentId).then(Boolean);
      case 'resync':
        return true;
      default:
        return false;
    }
  };
}
