import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import type { CallOutcome, Interest } from '../../../contracts/calling.js';
import { ConfirmDialog } from '../components/page.js';
import {
  CallingApiError,
  type CallingHours,
  type ClaimResponse,
  callingApi,
  type OutcomeBody,
  withOneRetry,
} from './api.js';
import { OutcomeDetails } from './outcome-form.js';
import { ProspectCard } from './prospect-card.js';
import { type CallingKey, type CallingTranslate, useCallingT } from './text.js';

export const OUTCOMES: CallOutcome[] = [
  'interested',
  'not_now',
  'not_interested',
  'no_answer',
  'wrong_number',
  'call_back',
  'opt_out',
];

/** Outcomes that need more before saving: a form, or a confirmation. */
const NEEDS_FORM = new Set<CallOutcome>(['interested', 'call_back']);

interface Notice {
  tone: 'info' | 'success' | 'warning' | 'danger';
  text: string;
}

/** "man–fre 09:00–21:00": consecutive days as one range. */
export function describeHours(t: CallingTranslate, hours: CallingHours): string {
  const days = [...new Set(hours.days)].sort();
  const ranges: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j += 1;
    const name = (d: number) => t(`screen.weekdays.${d}` as CallingKey);
    ranges.push(j > i ? `${name(days[i]!)}–${name(days[j]!)}` : name(days[i]!));
    i = j + 1;
  }
  return `${ranges.join(', ')} ${hours.from}–${hours.to}`;
}

interface Props {
  campaignId: string;
  /** Staff name the municipality they call for; a caller's own is known to the server. */
  municipalityCode?: string | undefined;
}

/**
 * The calling screen: one column, big buttons. "Next person" claims someone, the caller
 * phones them and records the outcome in one tap (or a short form for interested and call
 * back). A save carries an Idempotency-Key made once per attempt and reused on the retry.
 */
export function CallScreen({ campaignId, municipalityCode }: Props) {
  const t = useCallingT();
  const [claim, setClaim] = useState<(ClaimResponse & { clockSkewMs: number }) | null>(null);
  const [choice, setChoice] = useState<CallOutcome | null>(null);
  const [confirmOptOut, setConfirmOptOut] = useState(false);
  const [busy, setBusy] = useState<'claiming' | 'saving' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** The hold ran out on this device's clock: offer the next person beside the card. */
  const [expired, setExpired] = useState(false);
  /** Every answer to "Next person" draws the card afresh (the same hold may come back). */
  const [version, setVersion] = useState(0);
  const attempt = useRef<{ outcome: CallOutcome; key: string } | null>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef(false);

  useEffect(() => {
    if (!claim && focusNext.current) {
      focusNext.current = false;
      nextButton.current?.focus();
    }
  });

  function done(next: Notice) {
    attempt.current = null;
    setClaim(null);
    setExpired(false);
    setChoice(null);
    setNotice(next);
    focusNext.current = true;
  }

  function failed(error: unknown): Notice {
    if (!(error instanceof CallingApiError)) return { tone: 'danger', text: t('screen.failed') };
    if (error.status === 0) return { tone: 'danger', text: t('screen.network') };
    if (error.status === 401) return { tone: 'danger', text: t('screen.signedOut') };
    if (error.reason === 'outside_calling_hours') {
      const hours = (error.details as { callingHours?: CallingHours }).callingHours;
      return {
        tone: 'warning',
        text: hours
          ? t('screen.outsideHours', { hours: describeHours(t, hours) })
          : t('screen.outsideHoursPlain'),
      };
    }
    if (error.reason === 'campaign_not_open') return { tone: 'warning', text: t('screen.notOpen') };
    return { tone: 'danger', text: t('screen.failed') };
  }

  async function next() {
    setBusy('claiming');
    setNotice(null);
    try {
      const claimed = await callingApi.claim(campaignId, municipalityCode);
      setExpired(false);
      setVersion((v) => v + 1);
      setChoice(null);
      attempt.current = null;
      setClaim(claimed);
      if (!claimed) setNotice({ tone: 'success', text: t('screen.allCalled') });
    } catch (error) {
      setNotice(failed(error));
    } finally {
      setBusy(null);
    }
  }

  async function save(
    outcome: CallOutcome,
    extra: { notes?: string; interests?: Interest[]; callBackAt?: string } = {},
  ) {
    if (!claim) return;
    if (attempt.current?.outcome !== outcome) {
      attempt.current = { outcome, key: crypto.randomUUID() };
    }
    const { key } = attempt.current;
    const body: OutcomeBody = { outcome, ...extra };
    setBusy('saving');
    setNotice(null);
    try {
      await withOneRetry(() => callingApi.saveOutcome(claim.claim.id, body, key));
      done({ tone: 'success', text: t('screen.saved', { outcome: t(`outcomes.${outcome}`) }) });
    } catch (error) {
      if (error instanceof CallingApiError && error.reason === 'claim_closed') {
        done({ tone: 'success', text: t('screen.saved', { outcome: t(`outcomes.${outcome}`) }) });
      } else if (error instanceof CallingApiError && error.status === 409) {
        done({ tone: 'warning', text: t('screen.claimExpired') });
      } else if (error instanceof CallingApiError && error.status === 404) {
        done({ tone: 'warning', text: t('screen.gone') });
      } else {
        // The key stays: pressing save again sends the same attempt.
        setNotice(failed(error));
      }
    } finally {
      setBusy(null);
    }
  }

  function pick(outcome: CallOutcome) {
    if (outcome === 'opt_out') setConfirmOptOut(true);
    else if (NEEDS_FORM.has(outcome)) setChoice(outcome);
    else void save(outcome);
  }

  return (
    <div className="calling">
      <div role="status" aria-live="polite" className="calling-status">
        {notice && (
          <Alert data-color={notice.tone} className="office-alert">
            <Paragraph>{notice.text}</Paragraph>
          </Alert>
        )}
      </div>
      {(!claim || expired) && (
        <>
          {!claim && <Paragraph className="calling-intro">{t('screen.intro')}</Paragraph>}
          <Button
            id="next-person"
            ref={nextButton}
            data-size="lg"
            className="calling-next"
            onClick={() => void next()}
            loading={busy === 'claiming'}
            disabled={busy !== null}
          >
            {busy === 'claiming' ? t('screen.fetching') : t('screen.next')}
          </Button>
        </>
      )}
      {claim && (
        <>
          <ProspectCard key={version} claim={claim} onExpired={() => setExpired(true)} />
          <section aria-labelledby="outcome-heading" className="calling-outcomes">
            <Heading level={2} data-size="sm" id="outcome-heading">
              {t('screen.outcomeHeading')}
            </Heading>
            {choice ? (
              <OutcomeDetails
                outcome={choice}
                busy={busy === 'saving'}
                onSave={(extra) => void save(choice, extra)}
                onBack={() => {
                  attempt.current = null;
                  setChoice(null);
                }}
              />
            ) : (
              <div className="calling-outcome-buttons">
                {OUTCOMES.map((outcome) => (
                  <Button
                    key={outcome}
                    id={`outcome-${outcome}`}
                    data-size="lg"
                    variant={outcome === 'interested' ? 'primary' : 'secondary'}
                    data-color={outcome === 'opt_out' ? 'danger' : undefined}
                    className="calling-outcome"
                    disabled={busy !== null}
                    onClick={() => pick(outcome)}
                  >
                    {t(`outcomes.${outcome}`)}
                  </Button>
                ))}
              </div>
            )}
          </section>
          <ConfirmDialog
            open={confirmOptOut}
            title={t('screen.optOutTitle')}
            body={t('screen.optOutBody')}
            confirmLabel={t('screen.optOutConfirm')}
            danger
            busy={busy === 'saving'}
            onCancel={() => setConfirmOptOut(false)}
            onConfirm={() => {
              setConfirmOptOut(false);
              void save('opt_out');
            }}
          />
        </>
      )}
    </div>
  );
}
