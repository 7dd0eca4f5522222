export * from './client';
export * from './dispatch';
export * from './envelope';
export * from './events';
export * from './methods';
