// Pure selectors of the command-hall wall: no IO and no clock (every `now` is passed in).
export * from './feed-health.ts';
export * from './forces.ts';
export * from './duty.ts';
export * from './typhoon.ts';
export * from './map-layers.ts';
export * from './layer-specs.ts';
