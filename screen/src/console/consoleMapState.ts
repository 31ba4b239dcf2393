import { subdistrictAt, ViewFilter, type LiveState, type Region, type ViewRef } from '@beacon/shared';

/**
 * What the console's map draws and its legend counts. At a district or a town: that area's records
 * only, as its figures and lists count them (the map is zoomed there, and a legend reading "incidents 3"
 * for a town with one was counting the whole city), and that area's rain gauges only (drawn from the
 * region's list, the others would read as gauges without data). At the city: everything. At an
 * incident: everything too — its surroundings cross district borders, and the map shows them around it.
 */
export function consoleMapState(region: Region, view: ViewRef, state: LiveState): { state: LiveState; region: Region } {
  if (view.kind !== 'district' && view.kind !== 'subdistrict') return { state, region };
  const rainGauges = region.rainGauges.filter(
    (g) => g.district === view.district && (view.kind === 'district' || subdistrictAt(region, view.district, g.lon, g.lat) === view.subdistrict),
  );
  return { state: ViewFilter.for(region, view, state).state(state), region: { ...region, rainGauges } };
}
