import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isDriverEmailVerified } from '@/lib/driver-portal/link-tokens';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmailNotVerified } from '@/components/driver-portal/email-not-verified';
import { AddCardForm } from '@/components/driver-portal/add-card-form';
import { DeleteAccountForm } from '@/components/driver-portal/delete-account-form';
import { BillingCard } from '@/components/driver-portal/billing-card';
import { getDriverBilling } from '@/lib/driver-portal/driver-billing';
import { getDb } from '@/lib/db/client';
import { listDriverIdTags } from '@/lib/db/queries/id-tags';
import { requireDriver } from '@/lib/driver-portal/driver-session';
import { SubscriptionCard } from '@/components/driver-portal/subscription-card';
import { addOwnIdTagAction, blockOwnIdTagAction, deleteAccountAction, resendVerificationAction } from '../actions';

export const metadata = { title: 'Account · Charge' };

export default async function DriverAccountPage({ searchParams }: { searchParams: Promise<{ verified?: string }> }) {
  const driver = await requireDriver('/driver/account');
  const { verified: justVerified } = await searchParams;
  const [tags, billing, verified] = await Promise.all([listDriverIdTags(getDb(), driver.id), getDriverBilling(getDb(), driver.id), isDriverEmailVerified(getDb(), driver.id)]);
  return (
    <>
      <h1 className="text-2xl font-semibold">Account</h1>
      {verified ? (
        justVerified ? <Alert variant="success">Your email address is confirmed. You can charge from your phone now.</Alert> : null
      ) : (
        <EmailNotVerified email={driver.email} resend={resendVerificationAction} />
      )}
      <SubscriptionCard driverId={driver.id} />
      <Card>
        <CardHeader>
          <CardTitle>{driver.name}</CardTitle>
          <CardDescription>{driver.email}</CardDescription>
        </CardHeader>
        <CardContent>
          <h3 className="mb-2 text-sm font-medium">Your cards and app tags</h3>
          <ul className="space-y-1 text-sm">
            {tags.map((tag) => (
              <li key={tag.id} className="flex min-h-11 items-center justify-between gap-2">
                <span className="font-mono">{tag.idTag}</span>
                {tag.status === 'Accepted' ? (
                  <form action={blockOwnIdTagAction}>
                    <input type="hidden" name="idTag" value={tag.idTag} />
                    <Button type="submit" variant="outline" size="sm" aria-label={`Block ${tag.idTag}`}>
                      Block (lost)
                    </Button>
                  </form>
                ) : (
                  <span className="text-muted-foreground">{tag.status}</span>
                )}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-muted-foreground">Lost a card? Block it here at once; your operator can unblock it if it turns up.</p>
          <h3 className="mb-2 mt-6 text-sm font-medium">Add a card</h3>
          <AddCardForm action={addOwnIdTagAction} />
        </CardContent>
      </Card>
      <BillingCard billing={billing} />
      <Card>
        <CardHeader>
          <CardTitle>Your data</CardTitle>
          <CardDescription>Everything we keep about you: profile, cards, sessions, wallet movements and invoices, as a JSON file.</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline" size="lg" className="w-full">
            <a href="/api/driver/export" download>
              Export my data
            </a>
          </Button>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Delete account</CardTitle>
          <CardDescription>
            Your name, email and phone are erased and your cards blocked at once. Past sessions stay, without your name, because the operator must keep them for
            accounting.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DeleteAccountForm action={deleteAccountAction} />
        </CardContent>
      </Card>
    </>
  );
}
