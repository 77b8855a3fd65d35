import type { PublicEvent } from './types.js';

/** The event as schema.org's Event (what search engines and calendars read). */
export function eventJsonLd(e: PublicEvent, url: string, locale: string): Record<string, unknown> {
  const availability =
    e.registration === 'open'
      ? 'https://schema.org/InStock'
      : e.registration === 'full'
        ? 'https://schema.org/SoldOut'
        : 'https://schema.org/Discontinued';
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.description,
    startDate: e.startsAtLocal,
    endDate: e.endsAtLocal,
    inLanguage: e.titleFallback ? 'nb' : locale,
    url,
    eventStatus: e.cancelled
      ? 'https://schema.org/EventCancelled'
      : 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    isAccessibleForFree: true,
    location: {
      '@type': 'Place',
      name: e.place,
      address: {
        '@type': 'PostalAddress',
        addressLocality: e.municipalityName,
        addressCountry: 'NO',
      },
    },
    organizer: { '@type': 'Organization', name: e.organiserName },
    ...(e.capacity !== null ? { maximumAttendeeCapacity: e.capacity } : {}),
    ...(e.seatsLeft !== null ? { remainingAttendeeCapacity: e.seatsLeft } : {}),
    offers: {
      '@type': 'Offer',
      price: '0',
      priceCurrency: 'NOK',
      availability,
      url,
    },
  };
}
