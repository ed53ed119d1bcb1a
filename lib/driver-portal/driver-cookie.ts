/** The portal's cookie name (apart from driver-session.ts, which needs next/headers). */
export const DRIVER_COOKIE_NAME = 'csms_driver';
