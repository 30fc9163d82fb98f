export * from './alerts.ts';
export * from './api-port.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './grid.ts';
export * from './methods.ts';
export * from './permissions.ts';
export * from './demo.ts';
export * from './vocabulary.ts';
export * from './credit.ts';
export * from './dashboard.ts';
export * from './jobs.ts';
export * from './lifecycle.ts';
export * from './uploads.ts';

/** Electron IPC channels are `riskdesk:<method>`; events arrive on `riskdesk-event:<event>`. */
export const IPC_CHANNEL_PREFIX = 'riskdesk:';
export const IPC_EVENT_PREFIX = 'riskdesk-event:';
export * from './evidence.ts';
export * from './audit-trail.ts';
export * from './reports.ts';
