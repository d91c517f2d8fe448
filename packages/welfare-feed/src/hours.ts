import OpeningHours from 'opening_hours';

/** Lodi, Lombardy: lets the library know Italian public holidays (PH). */
const NOMINATIM = { lat: 45.31, lon: 9.5, address: { country_code: 'it', state: 'Lombardia' } };

export interface HoursCheck {
  /** The library's explanation when the value cannot be read at all. */
  error?: string;
  /** The library's notes about a readable but loosely written value. */
  warnings: string[];
}

/** Checks an OpenStreetMap opening_hours value the way the elements will read it. */
export function checkHours(value: string): HoursCheck {
  try {
    const oh = new OpeningHours(value, NOMINATIM, { tag_key: 'opening_hours', mode: 0, map_value: false, warnings_severity: 4, locale: 'en' });
    return { warnings: oh.getWarnings() };
  } catch (e) {
    return { error: String(e instanceof Error ? e.message : e).trim(), warnings: [] };
  }
}
