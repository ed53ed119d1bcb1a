import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/session';
import { roleAllows } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { getSettings } from '@/lib/settings/get-settings';
import { SettingsForm } from './settings-form';
import { AlertThresholdsForm } from './alert-thresholds-form';
import { SettingSwitchForm } from './setting-switch-form';
import { updateDriverSignUpAction, updateLowBalanceStopAction } from './actions';
import { isSelfSignUpOpen } from '@/lib/driver-portal/self-sign-up-setting';
import { isLowBalanceStopOn } from '@/lib/wallets/low-balance-stop-setting';

const adminAreas = [
  { href: '/settings/users', title: 'Users', description: 'Operator accounts and their roles.' },
  { href: '/settings/tokens', title: 'API tokens', description: 'Credentials for machine clients of the REST API.' },
  { href: '/settings/audit', title: 'Audit log', description: 'Every change made by operators, tokens and the system.' },
];

export default async function SettingsPage() {
  const user = await requireUser();
  const [settings, selfSignUpOpen, lowBalanceStop] = await Promise.all([getSettings(getDb()), isSelfSignUpOpen(getDb()), isLowBalanceStopOn(getDb())]);
  const isAdmin = roleAllows(user.role, 'admin');
  return (
    <>
      <PageHeader title="Settings" description="How the system treats stations, and who may use it." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Charging stations</CardTitle>
            <CardDescription>
              What the OCPP server does when a station it does not know connects. {isAdmin ? '' : 'Only admins can change this.'}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SettingsForm settings={settings} readOnly={!isAdmin} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Alert thresholds</CardTitle>
            <CardDescription>
              When the alert rules fire; the OCPP server uses the new values from its next evaluation. {isAdmin ? '' : 'Only admins can change these.'}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <AlertThresholdsForm thresholds={settings.alertThresholds} readOnly={!isAdmin} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Driver portal</CardTitle>
            <CardDescription>
              Whether drivers may create their own account (with an app tag) or need an operator&apos;s invitation. {isAdmin ? '' : 'Only admins can change this.'}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SettingSwitchForm
              action={updateDriverSignUpAction}
              formLabel="Driver portal"
              name="selfSignUp"
              label="Drivers may sign up on their own at /driver/signup"
              checked={selfSignUpOpen}
              readOnly={!isAdmin}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Prepaid wallets</CardTitle>
            <CardDescription>
              Off by default. When on, the OCPP server sends RemoteStopTransaction once to a wallet-paid session whose cost so far reaches the wallet&apos;s balance (wallets that allow a negative
              balance are never stopped); the session page says why it stopped. {isAdmin ? '' : 'Only admins can change this.'}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SettingSwitchForm
              action={updateLowBalanceStopAction}
              formLabel="Prepaid wallets"
              name="lowBalanceStop"
              label="Stop sessions when the wallet balance would go negative"
              checked={lowBalanceStop}
              readOnly={!isAdmin}
            />
          </CardContent>
        </Card>
        {isAdmin ? (
          <nav aria-label="Administration" className="grid gap-4 sm:grid-cols-3">
            {adminAreas.map((area) => (
              <Link key={area.href} href={area.href} className="rounded-lg border border-border bg-card p-4 hover:bg-muted focus-visible:outline-2">
                <span className="font-medium">{area.title}</span>
                <span className="mt-1 block text-sm text-muted-foreground">{area.description}</span>
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
    </>
  );
}
