import Type from 'typebox';
import type { TSchema } from 'typebox';
import { dateTime, number, oneOf, type PlaceFields, recordSchema, text } from './fields.schema.ts';

export function earthquakeSchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district } = place;
  const EarthquakeReportRecord = recordSchema('eventId', 'Event id from the earthquake network (CENC), e.g. "CC20260914083012".', {
    reportType: oneOf(['automatic', 'official'], 'An automatic report (自动测定) is replaced by the official one (正式测定) for the same eventId.'),
    originTime: dateTime('When the quake happened.'),
    magnitude: number('Magnitude M (-2 to 10).', -2, 10),
    depthKm: number('Focal depth, km (0 to 700).', 0, 700),
    // Quakes felt in the city are often in the Taiwan Strait, well outside the city's box.
    lon: number('Epicentre longitude, WGS-84 decimal degrees (70 to 140).', 70, 140),
    lat: number('Epicentre latitude, WGS-84 decimal degrees (0 to 55).', 0, 55),
    place: text('Where, as the network names it, e.g. "台湾海峡南部"', 60),
    intensityXiamen: Type.Optional(number('Estimated intensity in the city (China seismic intensity scale, 0 to 12).', 0, 12)),
  }, 'this report was issued');

  const EarlyWarningTerminalRecord = recordSchema('terminalId', 'Terminal id, e.g. "EEW-TA-0318".', {
    site: text(`Where it is installed, e.g. "${place.aDistrict}第一实验小学"`, 80),
    siteType: oneOf(['school', 'community', 'government', 'enterprise', 'public-place'], 'Kind of place.'),
    status: oneOf(['online', 'offline', 'fault'], 'online (heartbeat received), offline (no heartbeat), fault (self-test failed).'),
    lastTestAt: Type.Optional(dateTime('Last successful self-test.')),
    lon: lon('the terminal'),
    lat: lat('the terminal'),
    district: district('the terminal'),
  });

  return {
    'earthquake-report': EarthquakeReportRecord,
    'early-warning-terminal': EarlyWarningTerminalRecord,
  };
}
