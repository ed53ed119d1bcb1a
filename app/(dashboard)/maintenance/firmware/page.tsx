import Link from 'next/link';
import { CampaignForm } from '@/components/firmware/campaign-form';
import { UploadFirmwareForm } from '@/components/firmware/upload-firmware-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, THead, Td, Th, Tr } from '@/components/ui/table';
import { roleAllows } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listFirmwareImages } from '@/lib/db/queries/firmware';
import { listSitesWithSummary } from '@/lib/db/queries/sites';
import { readCampaigns } from '@/lib/firmware/read-campaigns';
import { createCampaignAction } from './actions';

export const dynamic = 'force-dynamic';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/** Firmware files hosted by the CSMS and their rollout campaigns (UpdateFirmware, OCPP 1.6 §5.19). */
export default async function FirmwarePage() {
  const user = await requireUser();
  const db = getDb();
  const [images, campaigns, sites] = await Promise.all([listFirmwareImages(db), readCampaigns(db), listSitesWithSummary(db)]);
  const canRollOut = roleAllows(user.role, 'operator');
  return (
    <>
      <PageHeader title="Firmware" description="Files served to stations at per-station download URLs; campaigns roll them out in batches." actions={<Link className="text-sm underline underline-offset-2" href="/maintenance">Recent commands</Link>} />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Campaigns</CardTitle>
          </CardHeader>
          <CardContent>
            {campaigns.length === 0 ? (
              <EmptyState title="No campaigns yet" description="Upload a firmware file, then start a campaign for a model, a site or a list of stations." />
            ) : (
              <Table aria-label="Campaigns">
                <THead>
                  <Tr>
                    <Th>Campaign</Th>
                    <Th>Firmware</Th>
                    <Th>State</Th>
                    <Th>Installed / failed / total</Th>
                    <Th>Start (UTC)</Th>
                  </Tr>
                </THead>
                <TBody>
                  {campaigns.map((campaign) => (
                    <Tr key={campaign.id}>
                      <Td>
                        <Link className="underline-offset-2 hover:underline" href={`/maintenance/firmware/campaigns/${campaign.id}`}>
                          {campaign.name}
                        </Link>
                      </Td>
                      <Td>{`${campaign.firmware.model} ${campaign.firmware.version}`}</Td>
                      <Td>
                        <Badge variant="outline">{campaign.state}</Badge>
                      </Td>
                      <Td>{`${campaign.counts.installed} / ${campaign.counts.failed} / ${campaign.counts.total}`}</Td>
                      <Td className="whitespace-nowrap">{campaign.startAt.replace('T', ' ').slice(0, 16)}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </CardContent>
        </Card>
        {canRollOut ? (
          <Card>
            <CardHeader>
              <CardTitle>New campaign</CardTitle>
              <CardDescription>Targets are accepted stations matching every criterion you give. A failed station does not stop the campaign unless failures reach the threshold.</CardDescription>
            </CardHeader>
            <CardContent>
              <CampaignForm
                action={createCampaignAction}
                firmware={images.map((image) => ({ id: image.id, label: `${image.vendor} ${image.model} ${image.version}` }))}
                sites={sites.map((site) => ({ id: site.id, name: site.name }))}
              />
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Files</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-6">
            {images.length === 0 ? (
              <p className="text-sm text-muted-foreground">No firmware uploaded yet.</p>
            ) : (
              <Table aria-label="Firmware files">
                <THead>
                  <Tr>
                    <Th>Vendor</Th>
                    <Th>Model</Th>
                    <Th>Version</Th>
                    <Th>File</Th>
                    <Th>Size</Th>
                    <Th>SHA-256</Th>
                  </Tr>
                </THead>
                <TBody>
                  {images.map((image) => (
                    <Tr key={image.id}>
                      <Td>{image.vendor}</Td>
                      <Td>{image.model}</Td>
                      <Td>{image.version}</Td>
                      <Td>{image.fileName}</Td>
                      <Td className="whitespace-nowrap">{mib(image.sizeBytes)}</Td>
                      <Td>
                        <code className="text-xs break-all">{image.sha256}</code>
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
            {user.role === 'admin' ? <UploadFirmwareForm /> : null}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
