import { Button, Fieldset } from '@digdir/designsystemet-react';
import {
  CAMPAIGN_MEASURES,
  COUNT_MEASURES,
  MEDIA_LEVELS,
  STATISTICS_SERIES,
  SURVEY_KEYS_FOR_GOALS,
  VISIT_MEASURES,
} from '../../../contracts/goals.js';
import { AGE_GROUP_KEYS } from '../../../contracts/statistics.js';
import { SelectField, TextField } from '../components/forms.js';
import { DEFAULT_MEASURE, type DraftIndicator, inputId, type LT } from './draft.js';
import type { GoalsTranslate } from './text.js';

export interface EditorContext {
  g: GoalsTranslate;
  /** Error message of an input id. */
  error: (id: string) => string | undefined;
  /** Records an input's label for the error summary and returns it. */
  label: (id: string, text: string) => string;
  campaigns: { id: string; name: string }[];
  questions: Record<string, { key: string; label: string }[]>;
}

const KINDS = ['statistics', 'campaign', 'survey', 'count', 'siteVisits'] as const;

/** nb, nn and en of one text, as three fields. */
export function LocalTextFields(props: {
  ctx: EditorContext;
  path: string;
  legend: string;
  value: LT;
  onChange: (v: LT) => void;
}) {
  const { ctx, path, legend, value, onChange } = props;
  return (
    <Fieldset className="goals-local-text">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {(['nb', 'nn', 'en'] as const).map((l) => {
        const id = inputId(`${path}.${l}`);
        return (
          <TextField
            key={l}
            id={id}
            label={ctx.label(id, `${legend} (${ctx.g(`programme.${l}`)})`)}
            value={value[l]}
            error={ctx.error(id)}
            onChange={(e) => onChange({ ...value, [l]: e.target.value })}
          />
        );
      })}
    </Fieldset>
  );
}

interface Props {
  ctx: EditorContext;
  path: string;
  n: number;
  value: DraftIndicator;
  onChange: (v: DraftIndicator) => void;
  onRemove: () => void;
}

/** One indicator: its name, what it is bound to, baseline, target and target period. */
export function IndicatorFields({ ctx, path, n, value: v, onChange, onRemove }: Props) {
  const { g } = ctx;
  const set = (patch: Partial<DraftIndicator>) => onChange({ ...v, ...patch });
  const legend = g('programme.indicator', { n });
  const select = (
    field: string,
    text: string,
    current: string,
    options: { value: string; label: string }[],
    change: (value: string) => void,
  ) => {
    const id = inputId(`${path}.source.${field}`);
    return (
      <SelectField
        id={id}
        label={ctx.label(id, `${legend}: ${text}`)}
        value={current}
        error={ctx.error(id)}
        options={options}
        onChange={(e) => change(e.target.value)}
      />
    );
  };
  const text = (field: 'baseline' | 'target' | 'from' | 'to', label: string) => {
    const p = field === 'from' || field === 'to' ? `${path}.period.${field}` : `${path}.${field}`;
    const id = inputId(p);
    return (
      <TextField
        id={id}
        label={ctx.label(id, `${legend}: ${label}`)}
        type={field === 'from' || field === 'to' ? 'date' : 'text'}
        inputMode={field === 'baseline' || field === 'target' ? 'decimal' : undefined}
        value={v[field]}
        error={ctx.error(id)}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    );
  };
  const questions = ctx.questions[v.survey] ?? [];
  return (
    <Fieldset className="goals-indicator">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <LocalTextFields
        ctx={ctx}
        path={`${path}.name`}
        legend={g('programme.indicatorName')}
        value={v.name}
        onChange={(name) => set({ name })}
      />
      {select(
        'kind',
        g('programme.source'),
        v.kind,
        KINDS.map((k) => ({ value: k, label: g(`sources.${k}`) })),
        (kind) =>
          set({
            kind: kind as DraftIndicator['kind'],
            measure: DEFAULT_MEASURE[kind as DraftIndicator['kind']],
          }),
      )}
      {v.kind === 'statistics' && (
        <>
          {select(
            'series',
            g('programme.series'),
            v.series,
            STATISTICS_SERIES.map((s) => ({ value: s, label: g(`programme.seriesOptions.${s}`) })),
            (series) =>
              set({ series, ageBand: series === 'netMigration' ? '' : v.ageBand || '20-39' }),
          )}
          {v.series === 'cohortChange' &&
            select(
              'ageBand',
              g('programme.ageBand'),
              v.ageBand,
              AGE_GROUP_KEYS.map((a) => ({ value: a, label: a })),
              (ageBand) => set({ ageBand }),
            )}
        </>
      )}
      {v.kind === 'campaign' && (
        <>
          {select(
            'measure',
            g('programme.measure'),
            v.measure,
            CAMPAIGN_MEASURES.map((m) => ({
              value: m,
              label: g(`programme.campaignMeasures.${m}`),
            })),
            (measure) => set({ measure }),
          )}
          {select(
            'campaignId',
            g('programme.campaign'),
            v.campaignId,
            [
              { value: '', label: g('programme.allCampaigns') },
              ...ctx.campaigns.map((c) => ({ value: c.id, label: c.name })),
            ],
            (campaignId) => set({ campaignId }),
          )}
        </>
      )}
      {v.kind === 'survey' && (
        <>
          {select(
            'survey',
            g('programme.survey'),
            v.survey,
            SURVEY_KEYS_FOR_GOALS.map((s) => ({ value: s, label: g(`programme.surveys.${s}`) })),
            (survey) => set({ survey, question: ctx.questions[survey]?.[0]?.key ?? '' }),
          )}
          {select(
            'question',
            g('programme.question'),
            v.question,
            questions.map((q) => ({ value: q.key, label: q.label })),
            (question) => set({ question }),
          )}
        </>
      )}
      {v.kind === 'count' && (
        <>
          {select(
            'measure',
            g('programme.measure'),
            v.measure,
            COUNT_MEASURES.map((m) => ({ value: m, label: g(`programme.countMeasures.${m}`) })),
            (measure) => set({ measure, mediaLevel: '' }),
          )}
          {v.measure === 'mediaMentions' &&
            select(
              'mediaLevel',
              g('programme.mediaLevel'),
              v.mediaLevel,
              [
                { value: '', label: g('programme.allLevels') },
                ...MEDIA_LEVELS.map((l) => ({ value: l, label: g(`media.levels.${l}`) })),
              ],
              (mediaLevel) => set({ mediaLevel }),
            )}
        </>
      )}
      {v.kind === 'siteVisits' &&
        select(
          'measure',
          g('programme.measure'),
          v.measure,
          VISIT_MEASURES.map((m) => ({ value: m, label: g(`programme.visitMeasures.${m}`) })),
          (measure) => set({ measure }),
        )}
      {text('baseline', g('programme.baseline'))}
      {text('target', g('programme.target'))}
      {text('from', g('programme.periodFrom'))}
      {text('to', g('programme.periodTo'))}
      <div className="office-actions">
        <Button type="button" variant="tertiary" data-size="sm" onClick={onRemove}>
          {g('programme.removeIndicator', { n })}
        </Button>
      </div>
    </Fieldset>
  );
}
