/**
 * The one-map's layers, bottom to top: what is drawn last sits on top. Shared: the console hides them on
 * the wall by command. Ids are only ever added (never renamed or removed), so every `wall.layers`
 * command already in a log still replays. The groups between `rain` and `shelter` each gather several
 * departments' categories (shared/src/wall/layer-specs.ts): a wall read from 10 m shows a handful of
 * toggles, not one per category.
 */
export const MAP_LAYER_IDS = [
  'risk', 'population', 'typhoon', 'rain',
  'hydro', 'weather', 'geohazard', 'waterlogging', 'hazards', 'floodworks', 'traffic', 'utility', 'medical', 'responders',
  'shelter', 'depot', 'team', 'incident',
] as const;
export type MapLayerId = (typeof MAP_LAYER_IDS)[number];
