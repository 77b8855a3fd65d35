import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { formatDate } from '../../i18n/locales.js';
import { useT } from '../i18n.js';
import type { ClaimResponse } from './api.js';
import { useCallingT } from './text.js';

/** A Norwegian number as people say it; anything else as stored. */
export function displayPhone(e164: string): string {
  const m = /^\+47(\d{8})$/.exec(e164);
  if (!m) return e164;
  const d = m[1]!;
  return /^[49]/.test(d)
    ? `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`
    : `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
}

/** The person to call: name, number as a big tel: link, who misses them, and the script. */
interface CardProps {
  claim: ClaimResponse & { clockSkewMs?: number };
  /** The hold ran out: the person goes back to the list. */
  onExpired?: () => void;
}

export function ProspectCard({ claim, onExpired }: CardProps) {
  const t = useCallingT();
  const { prospect, script } = claim;
  const heading = useRef<HTMLHeadingElement>(null);
  // A new person: move focus to their name so a screen reader says who it is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per claimed person
  useEffect(() => heading.current?.focus(), [claim.claim.id]);
  const named = prospect.tippedBy.join(', ');
  return (
    <article className="calling-person" aria-labelledby="person-name">
      <Heading level={2} data-size="md" id="person-name" ref={heading} tabIndex={-1}>
        {prospect.name}
      </Heading>
      {prospect.household && (
        <Paragraph>
          <span className="calling-label">{t('screen.household')}: </span>
          {prospect.household}
        </Paragraph>
      )}
      {prospect.phone ? (
        <a className="calling-phone" href={`tel:${prospect.phone}`}>
          {t('screen.call', { phone: displayPhone(prospect.phone) })}
        </a>
      ) : (
        <Paragraph>{t('screen.noPhone')}</Paragraph>
      )}
      <LeaseClock
        expiresAt={claim.claim.expiresAt}
        clockSkewMs={claim.clockSkewMs ?? 0}
        onExpired={onExpired}
      />
      <div className="calling-tippers">
        {named && (
          <Paragraph data-size="lg" className="calling-missed">
            {t('screen.tippedByNamed', { names: named, count: prospect.tippedBy.length })}
          </Paragraph>
        )}
        {prospect.tipCount > prospect.tippedBy.length && (
          <Paragraph className="calling-missed">
            {t('screen.tippedByCount', { count: prospect.tipCount })}
          </Paragraph>
        )}
      </div>
      <dl className="calling-facts">
        {prospect.livesNow && <Fact term={t('screen.livesNow')} values={[prospect.livesNow]} />}
        {prospect.connection.length > 0 && (
          <Fact term={t('screen.connection')} values={prospect.connection} />
        )}
        {prospect.reasons.length > 0 && (
          <Fact term={t('screen.reasons')} values={prospect.reasons} />
        )}
      </dl>
      {prospect.callAttempts > 0 && (
        <Paragraph data-size="sm">
          {t('screen.attempts', { count: prospect.callAttempts })}
        </Paragraph>
      )}
      {script.trim() && (
        <details className="calling-script">
          <summary>{t('screen.script')}</summary>
          <p>{script}</p>
        </details>
      )}
    </article>
  );
}

function Fact({ term, values }: { term: string; values: string[] }) {
  return (
    <div>
      <dt>{term}</dt>
      {values.map((v) => (
        <dd key={v}>{v}</dd>
      ))}
    </div>
  );
}

/** The lease: when the person goes back to the list unless the outcome is saved. */
interface LeaseProps {
  expiresAt: string;
  clockSkewMs: number;
  onExpired?: (() => void) | undefined;
}

export function LeaseClock({ expiresAt, clockSkewMs, onExpired }: LeaseProps) {
  const t = useCallingT();
  const { locale } = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  // The expiry on this device's clock, however wrong that clock is.
  const localExpiry = Date.parse(expiresAt) + clockSkewMs;
  const left = Math.ceil((localExpiry - now) / 60_000);
  const time = formatDate(locale, new Date(localExpiry), { timeStyle: 'short' });
  const expired = left <= 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: tell once, when it runs out
  useEffect(() => {
    if (expired) onExpired?.();
  }, [expired]);
  return (
    <Paragraph data-size="sm" className="calling-lease">
      {expired ? t('screen.heldExpired') : t('screen.heldUntil', { time, minutes: left })}
    </Paragraph>
  );
}
