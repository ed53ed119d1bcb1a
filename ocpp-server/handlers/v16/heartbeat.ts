import type { HeartbeatRequest, HeartbeatResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.6: the current time. Liveness (last_seen_at) is recorded for every frame, not here. */
export const heartbeat: Handler<HeartbeatRequest, HeartbeatResponse> = async (ctx) => ({ currentTime: ctx.now().toISOString() });
