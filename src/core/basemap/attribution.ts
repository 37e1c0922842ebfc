/**
 * Every source of data the map draws, credited on the map itself. The text is plain (MapLibre renders
 * attribution strings as HTML, so these constants are the only thing that ever goes there).
 */
export const DATA_SOURCES = {
  naturalEarth: '<a href="https://www.naturalearthdata.com/">Natural Earth</a>',
  geoNames: '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)',
  airports: '<a href="https://ourairports.com/">OurAirports</a> / <a href="https://openflights.org/">OpenFlights</a>',
  maplibre: '<a href="https://maplibre.org/">MapLibre</a>',
  openStreetMap: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
} as const;

/** Attribution for the event layers: the gazetteers that placed them (the articles are credited in each popup). */
export const EVENTS_ATTRIBUTION = `Places: ${DATA_SOURCES.geoNames}, ${DATA_SOURCES.airports}`;
