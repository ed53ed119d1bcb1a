import type { Operation } from '../operation';
import * as alerts from './alerts';
import * as apiTokens from './api-tokens';
import * as auditLog from './audit-log';
import * as commands from './commands';
import * as csv from './csv';
import * as configuration from './configuration';
import * as diagnostics from './diagnostics';
import * as drivers from './drivers';
import * as firmware from './firmware';
import * as events from './events';
import * as messages from './messages';
import * as reports from './reports';
import * as idTags from './id-tags';
import * as security from './security';
import * as localLists from './local-lists';
import * as reservations from './reservations';
import * as payments from './payments';
import * as invoices from './invoices';
import * as stations from './stations';
import * as subscriptions from './subscriptions';
import * as sites from './sites';
import * as system from './system';
import * as tariffs from './tariffs';
import * as transactions from './transactions';
import * as users from './users';
import * as wallets from './wallets';
import * as statements from './statements';

/** Every documented operation; new contract modules are added here to appear in /api/v1/openapi.json. */
export const allOperations: Operation[] = [system, users, apiTokens, auditLog, events, stations, commands, configuration, messages, diagnostics, security, firmware, alerts, sites, tariffs, transactions, drivers, idTags, localLists, reservations, csv, reports, invoices, payments, wallets, subscriptions, statements].flatMap((module) =>
  Object.values(module).filter((value): value is Operation => typeof value === 'object' && value !== null && 'method' in value && 'path' in value),
);
