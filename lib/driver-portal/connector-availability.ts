/** What a driver can do at a connector, in plain language (the issue: never a spinner forever). */
export type Availability = { canStart: true; reason: null } | { canStart: false; reason: string };

/**
 * Pure: from the station's presence and the connector's last StatusNotification (OCPP 1.6 §7.7
 * ChargePointStatus). Available and Preparing (plugged in, waiting for authorization) accept a start.
 */
export function connectorAvailability(input: { online: boolean; accepted: boolean; status: string | null; reservedForDriver?: boolean }): Availability {
  if (!input.accepted) return { canStart: false, reason: 'This station is not in service yet.' };
  if (!input.online) return { canStart: false, reason: 'This station is offline right now. Try another connector or come back later.' };
  switch (input.status) {
    case 'Available':
    case 'Preparing':
      return { canStart: true, reason: null };
    case 'Reserved':
      return input.reservedForDriver ? { canStart: true, reason: null } : { canStart: false, reason: 'This connector is reserved for someone else.' };
    case 'Charging':
    case 'SuspendedEV':
    case 'SuspendedEVSE':
    case 'Finishing':
      return { canStart: false, reason: 'This connector is in use by someone else.' };
    case 'Unavailable':
      return { canStart: false, reason: 'This connector is out of service.' };
    case 'Faulted':
      return { canStart: false, reason: 'This connector is out of order. The operator has been told.' };
    default:
      return { canStart: false, reason: 'This station has not reported this connector yet.' };
  }
}
