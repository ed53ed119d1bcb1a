/**
 * Security events a station reports with SecurityEventNotification, and which of them the OCPP 1.6
 * Security Whitepaper (edition 3, Appendix 1 "Security events") marks critical — those a station must
 * push even when the CSMS is not watching its log. Stations may send other types too (free text, 50 chars).
 */
const criticalSecurityEvents = new Set([
  'FirmwareUpdated',
  'SettingSystemTime',
  'StartupOfTheDevice',
  'ResetOrReboot',
  'SecurityLogWasCleared',
  'MemoryExhaustion',
  'TamperDetectionActivated',
]);

export function isCriticalSecurityEvent(type: string): boolean {
  return criticalSecurityEvents.has(type);
}
