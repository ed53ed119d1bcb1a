/**
 * OCPP-J subprotocols we serve, in order of preference (OCPP-J 1.6 §3.1.2: the station offers, the
 * server picks one). Adding OCPP 2.0.1 = a validator, a handler table, and its name here.
 */
export const supportedProtocols = ['ocpp1.6'] as const;
export type OcppProtocol = (typeof supportedProtocols)[number];

export function negotiateProtocol(offered: ReadonlySet<string>): OcppProtocol | undefined {
  return supportedProtocols.find((protocol) => offered.has(protocol));
}
