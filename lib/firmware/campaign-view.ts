import type { FirmwareCampaign, FirmwareCampaignTarget, FirmwareImage } from '../db/schema';
import { campaignTargetStates, type CampaignTargetState } from '../db/schema';

export function firmwareView(image: FirmwareImage) {
  return {
    id: image.id,
    vendor: image.vendor,
    model: image.model,
    version: image.version,
    fileName: image.fileName,
    sizeBytes: image.sizeBytes,
    sha256: image.sha256,
    uploadedBy: image.uploadedBy,
    createdAt: image.createdAt.toISOString(),
  };
}
export type FirmwareView = ReturnType<typeof firmwareView>;

/** A campaign as the API and the UI show it: counts per state, never tokens. */
export function campaignView(campaign: FirmwareCampaign, firmware: FirmwareImage, counts: Partial<Record<CampaignTargetState, number>>) {
  const all = Object.fromEntries(campaignTargetStates.map((state) => [state, counts[state] ?? 0])) as Record<CampaignTargetState, number>;
  const total = Object.values(all).reduce((sum, n) => sum + n, 0);
  return {
    id: campaign.id,
    name: campaign.name,
    state: campaign.state,
    stateReason: campaign.stateReason,
    firmware: firmwareView(firmware),
    selector: campaign.selector,
    batchSize: campaign.batchSize,
    concurrency: campaign.concurrency,
    failureThreshold: campaign.failureThreshold,
    stationTimeoutS: campaign.stationTimeoutS,
    startAt: campaign.startAt.toISOString(),
    createdBy: campaign.createdBy,
    createdAt: campaign.createdAt.toISOString(),
    finishedAt: campaign.finishedAt?.toISOString() ?? null,
    counts: { ...all, total, done: all.installed + all.failed },
  };
}
export type CampaignView = ReturnType<typeof campaignView>;

export function targetView(target: FirmwareCampaignTarget) {
  return {
    stationId: target.stationId,
    state: target.state,
    detail: target.detail,
    commandId: target.commandId,
    downloads: target.downloads,
    sentAt: target.sentAt?.toISOString() ?? null,
    downloadedAt: target.downloadedAt?.toISOString() ?? null,
    finishedAt: target.finishedAt?.toISOString() ?? null,
    updatedAt: target.updatedAt.toISOString(),
  };
}
export type TargetView = ReturnType<typeof targetView>;
