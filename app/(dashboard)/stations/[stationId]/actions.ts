'use server';

import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { getBus } from '@/lib/bus/get-bus';
import { setStationRegistration } from '@/lib/stations/set-station-registration';
import { clearStationPassword, setStationPassword } from '@/lib/stations/set-station-password';

const stationId = z.string().min(1).max(48);

function announce(id: string) {
  getBus().publish({ kind: 'station.updated', stationId: id });
}

export const setRegistrationAction = formAction(
  'admin',
  z.object({ stationId, status: z.enum(['accepted', 'rejected']) }),
  async (input, user) => {
    await setStationRegistration(getDb(), userActor(user), input);
    announce(input.stationId);
    return { ok: true, message: input.status === 'accepted' ? 'Accepted: the station is admitted at its next BootNotification.' : 'Rejected.' };
  },
);

export const setCredentialsAction = formAction(
  'admin',
  z.object({
    stationId,
    securityProfile: z.enum(['0', '1', '2'], { message: 'must be 0, 1 or 2' }),
    password: z.string().optional().transform((value) => value || undefined),
  }),
  async (input, user) => {
    const db = getDb();
    if (input.securityProfile === '0') {
      await clearStationPassword(db, userActor(user), input.stationId);
      announce(input.stationId);
      return { ok: true, message: 'Security profile 0: the station connects without a password.' };
    }
    const profile = Number(input.securityProfile) as 1 | 2;
    const { password } = await setStationPassword(db, userActor(user), { stationId: input.stationId, securityProfile: profile, password: input.password });
    announce(input.stationId);
    return {
      ok: true,
      message: `Security profile ${profile} set. Configure the station with this password (AuthorizationKey); it is not shown again.`,
      result: { password },
    };
  },
);
