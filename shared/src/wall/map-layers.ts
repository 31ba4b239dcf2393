/** The one-map's layers, bottom to top: what is drawn last sits on top. Shared: the console hides them on the wall by command. */
export const MAP_LAYER_IDS = ['risk', 'population', 'typhoon', 'rain', 'geohazard', 'waterlogging', 'shelter', 'depot', 'team', 'incident'] as const;
export type MapLayerId = (typeof MAP_LAYER_IDS)[number];
