export * from './auth';
export * from './system';
export * from './ocpp';
export * from './alerts';
export * from './sites';
export * from './billing';
export * from './commands';
export * from './drivers';
