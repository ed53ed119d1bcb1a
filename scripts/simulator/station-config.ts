/** The configuration keys a virtual station reports and accepts (OCPP 1.6 §9.1, Core profile and a few more). */
export function defaultConfiguration(options: { meterIntervalS: number; connectors: number }): Map<string, { value: string; readonly: boolean }> {
  const entries: [string, string, boolean][] = [
    ['HeartbeatInterval', '300', false],
    ['MeterValueSampleInterval', String(options.meterIntervalS), false],
    ['NumberOfConnectors', String(options.connectors), true],
    ['AuthorizeRemoteTxRequests', 'false', false],
    ['MeterValuesSampledData', 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC', false],
    ['SupportedFeatureProfiles', 'Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger', true],
  ];
  return new Map(entries.map(([key, value, readonly]) => [key, { value, readonly }]));
}
