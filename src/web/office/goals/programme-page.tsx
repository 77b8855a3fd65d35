import './goals.css';
import { Alert, Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api.js';
import { call } from '../api-call.js';
import {
  errorsFrom,
  FormErrorSummary,
  type FormErrors,
  noErrors,
  TextField,
} from '../components/forms.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { useT } from '../i18n.js';
import { surveysApi } from '../surveys/api.js';
import { goalsApi } from './api.js';
import {
  type BadField,
  type Draft,
  emptyIndicator,
  emptyText,
  fromDraft,
  inputId,
  toDraft,
} from './draft.js';
import { type EditorContext, IndicatorFields, LocalTextFields } from './indicator-fields.js';
import { useGoalsRegion } from './region.js';
import { useGoalsT } from './text.js';

/** The programme editor: main goal, phases, sub-goals and their indicators, saved at once. */
export function ProgrammeScreen() {
  const g = useGoalsT();
  const { t, locale } = useT();
  const r = useGoalsRegion();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [failed, setFailed] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [campaigns, setCampaigns] = useState<EditorContext['campaigns']>([]);
  const [questions, setQuestions] = useState<EditorContext['questions']>({});

  const load = useCallback(async () => {
    if (!r.ready) return;
    setFailed(false);
    try {
      setDraft(toDraft(await goalsApi.programme(r.region)));
      const list = await call<{ campaigns: { id: string; name: string; regionId: string }[] }>(
        'GET',
        '/api/campaigns',
      );
      setCampaigns(list.campaigns.filter((c) => !r.region || c.regionId === r.region));
      const surveys = (await surveysApi.list(locale)).surveys;
      setQuestions(
        Object.fromEntries(
          surveys.map((s) => [s.key, s.questions.filter((q) => q.type === 'scale5')]),
        ),
      );
    } catch {
      setFailed(true);
    }
  }, [r.ready, r.region, locale]);
  useEffect(() => {
    void load();
  }, [load]);

  // The summary renders before the fields record their labels: it reads the last render's.
  const labels = useRef<Record<string, string>>({}).current;
  const ctx: EditorContext = {
    g,
    error: (id) => errors.fields[id],
    label: (id, text) => {
      labels[id] = text;
      return text;
    },
    campaigns,
    questions,
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!draft) return;
    setSaved(false);
    const { input, bad } = fromDraft(draft);
    const fail = (e: FormErrors) => {
      setErrors(e);
      setAttempt((a) => a + 1);
    };
    if (bad.length) {
      const keys = {
        number: 'programme.notANumber',
        period: 'programme.periodRequired',
        date: 'programme.dateRequired',
      } as const;
      const message = (why: BadField['why']) => g(keys[why]);
      return fail({
        fields: Object.fromEntries(bad.map((b) => [inputId(b.path), message(b.why)])),
        general: [],
      });
    }
    setBusy(true);
    try {
      setDraft(toDraft(await goalsApi.saveProgramme(r.region, input)));
      setErrors(noErrors);
      setSaved(true);
    } catch (error) {
      const paths = error instanceof ApiError ? error.details.map((d) => d.field) : [];
      fail(errorsFrom(t, error, Object.fromEntries(paths.map((p) => [p, inputId(p)]))));
    } finally {
      setBusy(false);
    }
  };

  const update = (f: (d: Draft) => Draft) => setDraft((d) => (d ? f(d) : d));
  return (
    <Page title={g('programme.title')} intro={g('programme.intro')}>
      <Paragraph>
        <Link className="ds-link" to={r.to('/goals')}>
          {g('programme.back')}
        </Link>
      </Paragraph>
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && !draft && <Loading />}
      {draft && (
        <form onSubmit={(e) => void submit(e)} noValidate className="goals-form">
          <FormErrorSummary t={t} errors={errors} attempt={attempt} labels={labels} />
          <LocalTextFields
            ctx={ctx}
            path="mainGoal"
            legend={g('programme.mainGoal')}
            value={draft.mainGoal}
            onChange={(mainGoal) => update((d) => ({ ...d, mainGoal }))}
          />
          <Heading level={2} data-size="xs">
            {g('programme.phases')}
          </Heading>
          {draft.phases.map((p, i) => {
            const n = i + 1;
            const legend = g('programme.phase', { n });
            const setPhase = (patch: Partial<typeof p>) =>
              update((d) => ({
                ...d,
                phases: d.phases.map((x, j) => (j === i ? { ...x, ...patch } : x)),
              }));
            const field = (k: 'name' | 'from' | 'to', text: string) => {
              const id = inputId(`phases.${i}.${k}`);
              return (
                <TextField
                  id={id}
                  label={ctx.label(id, `${legend}: ${text}`)}
                  type={k === 'name' ? 'text' : 'date'}
                  value={p[k]}
                  error={ctx.error(id)}
                  onChange={(e) => setPhase({ [k]: e.target.value })}
                />
              );
            };
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: phases have no id; order is their identity
              <Fieldset key={i} className="goals-phase">
                <Fieldset.Legend>{legend}</Fieldset.Legend>
                {field('name', g('programme.phaseName'))}
                {field('from', g('programme.from'))}
                {field('to', g('programme.to'))}
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() =>
                    update((d) => ({ ...d, phases: d.phases.filter((_, j) => j !== i) }))
                  }
                >
                  {g('programme.removePhase', { n })}
                </Button>
              </Fieldset>
            );
          })}
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              update((d) => ({ ...d, phases: [...d.phases, { name: '', from: '', to: '' }] }))
            }
          >
            {g('programme.addPhase')}
          </Button>
          <Heading level={2} data-size="xs">
            {g('programme.subGoals')}
          </Heading>
          {draft.subGoals.map((s, i) => {
            const n = i + 1;
            // In the error summary a field is named with its sub-goal: "Indikator 1" repeats.
            const subCtx: EditorContext = {
              ...ctx,
              label: (id, text) => {
                labels[id] = `${g('programme.subGoal', { n })}: ${text}`;
                return text;
              },
            };
            const setSub = (f: (x: typeof s) => typeof s) =>
              update((d) => ({ ...d, subGoals: d.subGoals.map((x, j) => (j === i ? f(x) : x)) }));
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: sub-goals are edited by position
              <Fieldset key={i} className="goals-subgoal">
                <Fieldset.Legend>{g('programme.subGoal', { n })}</Fieldset.Legend>
                <LocalTextFields
                  ctx={subCtx}
                  path={`subGoals.${i}.title`}
                  legend={`${g('programme.subGoal', { n })}: ${g('programme.subGoalTitle')}`}
                  value={s.title}
                  onChange={(title) => setSub((x) => ({ ...x, title }))}
                />
                {s.indicators.map((ind, j) => (
                  <IndicatorFields
                    // biome-ignore lint/suspicious/noArrayIndexKey: indicators are edited by position
                    key={j}
                    ctx={subCtx}
                    path={`subGoals.${i}.indicators.${j}`}
                    n={j + 1}
                    value={ind}
                    onChange={(v) =>
                      setSub((x) => ({
                        ...x,
                        indicators: x.indicators.map((y, k) => (k === j ? v : y)),
                      }))
                    }
                    onRemove={() =>
                      setSub((x) => ({ ...x, indicators: x.indicators.filter((_, k) => k !== j) }))
                    }
                  />
                ))}
                <div className="office-actions">
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() =>
                      setSub((x) => ({ ...x, indicators: [...x.indicators, emptyIndicator()] }))
                    }
                  >
                    {g('programme.addIndicator')}
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    onClick={() =>
                      update((d) => ({ ...d, subGoals: d.subGoals.filter((_, j) => j !== i) }))
                    }
                  >
                    {g('programme.removeSubGoal', { n })}
                  </Button>
                </div>
              </Fieldset>
            );
          })}
          <div className="office-actions">
            <Button
              type="button"
              variant="secondary"
              onClick={() =>
                update((d) => ({
                  ...d,
                  subGoals: [...d.subGoals, { title: emptyText(), indicators: [] }],
                }))
              }
            >
              {g('programme.addSubGoal')}
            </Button>
            <Button type="submit" loading={busy}>
              {g('programme.save')}
            </Button>
          </div>
          {saved && (
            <Alert data-color="success" role="status" className="office-alert">
              {g('programme.saved')}
            </Alert>
          )}
        </form>
      )}
    </Page>
  );
}
