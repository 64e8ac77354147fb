export { createApp, apiRoutes } from './app';
export { readConfig } from './config';
export type { ApiConfig } from './config';
export { openStore, startServer, tokenSecret } from './server';
export type { Store } from './services/store';
export { DEMO_USERS, DEMO_PASSWORD } from './services/seedDatabase';
