import { Badge, type BadgeVariant } from '@/components/ui/badge';
import type { IdTagSetting } from '@/lib/db/schema';

const variants: Record<IdTagSetting, BadgeVariant> = { Accepted: 'success', Blocked: 'danger', Expired: 'warning' };

/** What a station is told for the tag now; when that comes from its driver or group, why. */
export function IdTagStatusBadge({ tag }: { tag: { status: IdTagSetting; effectiveStatus: IdTagSetting; statusReason: string | null } }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge variant={variants[tag.effectiveStatus]}>{tag.effectiveStatus}</Badge>
      {tag.statusReason ? <span className="text-xs text-muted-foreground">{tag.statusReason}</span> : null}
    </span>
  );
}
