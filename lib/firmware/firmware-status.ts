import type { CampaignTargetState } from '../db/schema';

interface Step {
  state: CampaignTargetState;
  /** The target states this status may follow (a late or repeated status never moves a target back). */
  from: readonly CampaignTargetState[];
  final: boolean;
}

/**
 * FirmwareStatusNotification.status (OCPP 1.6 §4.5, §7.25) → the campaign target's state. Idle
 * says nothing about an update in progress and is ignored.
 */
export function targetStepOf(status: string): Step | undefined {
  switch (status) {
    case 'Downloading':
      return { state: 'downloading', from: ['sent'], final: false };
    case 'Downloaded':
      return { state: 'downloaded', from: ['sent', 'downloading'], final: false };
    case 'Installing':
      return { state: 'installing', from: ['sent', 'downloading', 'downloaded'], final: false };
    case 'Installed':
      return { state: 'installed', from: ['sent', 'downloading', 'downloaded', 'installing'], final: true };
    case 'DownloadFailed':
    case 'InstallationFailed':
      return { state: 'failed', from: ['sent', 'downloading', 'downloaded', 'installing'], final: true };
    default:
      return undefined;
  }
}
