import { IANAZone } from 'luxon';

/**
 * Whether a string names a real IANA zone. Luxon caches a zone per name; its static `isValidZone`
 * builds a fresh Intl.DateTimeFormat on every call, which costs milliseconds each time a sweep dates
 * thousands of items.
 */
export const isKnownZone = (tz: string): boolean => Boolean(tz) && IANAZone.create(tz).isValid;

/** The zone to compute in: the one given if it is real, otherwise UTC (a late message beats none). */
export const zoneOrUtc = (tz: string): string => (isKnownZone(tz) ? tz : 'UTC');
