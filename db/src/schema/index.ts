export * from './events.ts';
export * from './credentials.ts';
