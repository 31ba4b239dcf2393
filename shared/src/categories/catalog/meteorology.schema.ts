import Type from 'typebox';
import type { TSchema } from 'typebox';
import { alertRecord } from './alert.schema.ts';
import { count, dateTime, number, type PlaceFields, recordSchema, text } from './fields.schema.ts';

/**
 * One rain-gauge observation: rainfall accumulated over the hour ending at `observedAt`. Its station
 * must be one of the region's gauges: ingest checks that after the schema (category-checks.ts).
 */
export const RainReading = recordSchema('stationId', 'Registered rain-gauge id, e.g. "SM01" (see GET /api/v1/rain-gauges).', {
  rainfall1hMm: number('Rainfall over the hour ending at observedAt, in millimetres (0 to 400).', 0, 400),
}, 'the gauge measured');
export type RainReading = Type.Static<typeof RainReading>;

/** Positions of a typhoon may lie far outside the city: the NW Pacific and the South China Sea. */
const stormLon = (what: string) => number(`Longitude of ${what}, WGS-84 decimal degrees (100 to 180).`, 100, 180);
const stormLat = (what: string) => number(`Latitude of ${what}, WGS-84 decimal degrees (0 to 50).`, 0, 50);
const radiusKm = (force: string) =>
  Type.Optional(number(`Radius of ${force} winds, km (average over quadrants); omit when the storm has none.`, 0, 2000));

export function meteorologySchemas(place: PlaceFields): Readonly<Record<string, TSchema>> {
  const { lon, lat, district, areaCode } = place;
  const TyphoonTrackRecord = recordSchema('typhoonId', 'Typhoon number as CMA assigns it (year + sequence), e.g. "2614".', {
    name: text('Typhoon name in Chinese as CMA names it, e.g. "杜鹃"', 30),
    lon: stormLon('the centre'),
    lat: stormLat('the centre'),
    pressureHpa: number('Central pressure, hPa (870 to 1020).', 870, 1020),
    maxWindMs: number('Maximum sustained wind near the centre, m/s (0 to 90).', 0, 90),
    movingDirection: Type.Optional(number('Direction of motion, degrees clockwise from north (0 to 360).', 0, 360)),
    movingSpeedKmh: Type.Optional(number('Speed of motion, km/h (0 to 100).', 0, 100)),
    radius7Km: radiusKm('force-7 (≥13.9 m/s, 七级风圈)'),
    radius10Km: radiusKm('force-10 (≥24.5 m/s, 十级风圈)'),
    radius12Km: radiusKm('force-12 (≥32.7 m/s, 十二级风圈)'),
    forecast: Type.Optional(
      Type.Array(
        Type.Object(
          {
            at: dateTime('Forecast valid time.'),
            lon: stormLon('the forecast centre'),
            lat: stormLat('the forecast centre'),
            maxWindMs: Type.Optional(number('Forecast maximum sustained wind, m/s (0 to 90).', 0, 90)),
          },
          { additionalProperties: false },
        ),
        { maxItems: 40, description: 'Official forecast positions, earliest first (typically +12 h, +24 h, +48 h, +72 h).' },
      ),
    ),
  }, 'the centre was at this position (the analysis time)');

  const WindStationRecord = recordSchema('stationId', 'Registered automatic weather station id, e.g. "W59134" or "XA-W03".', {
    windSpeedMs: number('10-minute mean wind speed ending at observedAt, m/s (0 to 90).', 0, 90),
    gustMs: Type.Optional(number('Strongest 3-second gust in the last hour, m/s (0 to 120).', 0, 120)),
    directionDeg: Type.Optional(number('Direction the wind blows from, degrees clockwise from north (0 to 360).', 0, 360)),
    lon: Type.Optional(lon('the station (omit for a registered station)')),
    lat: Type.Optional(lat('the station (omit for a registered station)')),
    district: Type.Optional(district('the station')),
  });

  const LightningRecord = recordSchema('areaCode', areaCode(), {
    district: district('the counted area'),
    strikes10min: count('Cloud-to-ground strikes located in the area in the 10 minutes ending at observedAt.', 100_000),
    intraCloud10min: Type.Optional(count('Intra-cloud flashes in the same 10 minutes.', 1_000_000)),
    maxCurrentKA: Type.Optional(number('Largest peak current of those strikes, kA (0 to 500).', 0, 500)),
  });

  return {
    'rain-gauge': RainReading,
    'weather-warning': alertRecord(place),
    'typhoon-track': TyphoonTrackRecord,
    'wind-station': WindStationRecord,
    lightning: LightningRecord,
  };
}
