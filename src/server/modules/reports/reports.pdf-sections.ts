import type { FunnelFigures } from '../../../contracts/followup.js';
import type { IndicatorStatus } from '../../../contracts/goals.js';
import { MIN_GROUP_SIZE, type SummaryGroup } from '../../../contracts/surveys.js';
import { formatQuarter, type Locale } from '../../../web/i18n/locales.js';
import type { CouncilReportData, SurveySection } from './reports.data.js';
import { day, indicatorValue, localText, num, reportT } from './reports.format.js';
import { CHART_KEEP, type ReportLayout } from './reports.pdf-kit.js';

/** The report's sections, each drawn onto the shared layout in the report's language. */

export const FUNNEL_STAGES = [
  'tipped',
  'carded',
  'called',
  'reached',
  'interested',
  'movedWithin6Months',
  'movedWithin12Months',
] as const satisfies ReadonlyArray<keyof FunnelFigures>;

/**
 * A survey count as printed. The surveys module has already hidden every cell under five;
 * this refuses one again, so a mistake upstream cannot reach a council's table.
 */
export function surveyCount(n: number | null): string | null {
  if (n === null || (n > 0 && n < MIN_GROUP_SIZE)) return null;
  return String(n);
}

const indicatorsOf = (report: CouncilReportData) =>
  report.goals.subGoals.flatMap((s) => s.indicators);

function latestText(locale: Locale, ind: IndicatorStatus): string {
  if (!ind.latest) return reportT(locale)('goals.noValue');
  return `${indicatorValue(locale, ind.unit, ind.latest.value)} (${ind.latest.label})`;
}

export function goalsSection(layout: ReportLayout, report: CouncilReportData): void {
  const { locale } = report;
  const t = reportT(locale);
  layout.heading(t('sections.goals'));
  if (report.goals.subGoals.length === 0) {
    layout.paragraph(t('goals.none'));
    return;
  }
  const columns = [
    { label: t('goals.indicator'), width: 0.34 },
    { label: t('goals.baseline'), width: 0.16, align: 'right' as const },
    { label: t('goals.target'), width: 0.12, align: 'right' as const },
    { label: t('goals.latest'), width: 0.2, align: 'right' as const },
    { label: t('goals.status'), width: 0.18 },
  ];
  for (const sub of report.goals.subGoals) {
    layout.heading(localText(sub.title, locale), 2);
    layout.table(
      columns,
      sub.indicators.map((ind) => [
        localText(ind.name, locale),
        ind.baseline === null ? '' : indicatorValue(locale, ind.unit, ind.baseline),
        indicatorValue(locale, ind.unit, ind.target),
        latestText(locale, ind),
        t(`goals.statuses.${ind.status}`),
      ]),
    );
  }
}

export function indicatorsSection(layout: ReportLayout, report: CouncilReportData): void {
  const { locale } = report;
  const t = reportT(locale);
  const shown = indicatorsOf(report).filter((i) => i.points.some((p) => p.value !== null));
  if (shown.length === 0) return;
  layout.heading(t('sections.indicators'), 1, CHART_KEEP);
  for (const ind of shown) {
    const format = (n: number) => indicatorValue(locale, ind.unit, n);
    layout.lineChart(localText(ind.name, locale), ind.points, ind.target, format);
    layout.paragraph(t('goals.targetLine', { value: format(ind.target) }), {
      muted: true,
      size: 8,
    });
    layout.table(
      [
        { label: t('goals.year'), width: 0.3 },
        { label: t('goals.value'), width: 0.7, align: 'right' },
      ],
      ind.points.map((p) => [
        p.label,
        p.value !== null
          ? format(p.value)
          : p.suppressed
            ? t('goals.suppressed')
            : t('goals.noValue'),
      ]),
    );
  }
}

const shortQuarter = (locale: Locale, q: string) =>
  `${locale === 'en' ? 'Q' : 'K'}${q.slice(5)} ${q.slice(0, 4)}`;

export function migrationSection(layout: ReportLayout, report: CouncilReportData): void {
  const { locale } = report;
  const t = reportT(locale);
  layout.heading(t('sections.migration'), 1, report.quarters.length ? CHART_KEEP : 90);
  if (report.quarters.length === 0) {
    layout.paragraph(t('migration.none'));
    return;
  }
  const n = (v: number | null) => (v === null ? '..' : num(locale, v));
  layout.barChart(
    t('migration.chart'),
    report.quarters.map((q) => ({ label: shortQuarter(locale, q.quarter), value: q.netMigration })),
    (v) => num(locale, v),
  );
  layout.table(
    [
      { label: t('migration.quarter'), width: 0.24 },
      { label: t('migration.popEnd'), width: 0.2, align: 'right' },
      { label: t('migration.movedIn'), width: 0.2, align: 'right' },
      { label: t('migration.netMigration'), width: 0.18, align: 'right' },
      { label: t('migration.growth'), width: 0.18, align: 'right' },
    ],
    report.quarters.map((q) => [
      formatQuarter(locale, q.quarter),
      n(q.popEnd),
      n(q.movedIn),
      n(q.netMigration),
      n(q.growth),
    ]),
  );
  layout.paragraph(t('migration.source'), { muted: true, size: 8 });
  layout.heading(t('sections.summaries'), 2);
  for (const q of report.quarters) {
    layout.heading(formatQuarter(locale, q.quarter), 3);
    layout.paragraph(q.summary);
  }
}

export function campaignsSection(layout: ReportLayout, report: CouncilReportData): void {
  const { locale } = report;
  const t = reportT(locale);
  layout.heading(t('sections.campaigns'), 1, report.funnels.length ? CHART_KEEP + 50 : 90);
  if (report.funnels.length === 0) {
    layout.paragraph(t('campaigns.none'));
    return;
  }
  for (const funnel of report.funnels) {
    layout.heading(funnel.campaignName, 2, CHART_KEEP + 20);
    layout.paragraph(
      funnel.callingDay
        ? t('campaigns.callingDay', { day: day(locale, funnel.callingDay) })
        : t('campaigns.noCallingDay'),
      { muted: true },
    );
    const stages = FUNNEL_STAGES.map((s) => ({
      label: t(`campaigns.stages.${s}`),
      value: funnel.total[s],
    }));
    layout.barChart(
      t('campaigns.chart', { campaign: funnel.campaignName }),
      stages.map((s, i) => ({ label: String(i + 1), value: s.value })),
      (v) => num(locale, v),
    );
    layout.table(
      [
        { label: t('campaigns.stage'), width: 0.7 },
        { label: t('campaigns.count'), width: 0.3, align: 'right' },
      ],
      stages.map((s, i) => [`${i + 1}. ${s.label}`, num(locale, s.value)]),
    );
  }
}

function answerText(
  section: SurveySection,
  group: SummaryGroup,
  index: number,
  skipped: string,
): string {
  const question = section.info.questions[index]!;
  const counts = group.questions[index]?.counts;
  if (!counts) return '–';
  const labels = new Map(question.options.map((o) => [o.key, o.label]));
  return Object.entries(counts)
    .map(
      ([key, n]) =>
        `${key === 'none' ? skipped : (labels.get(key) ?? key)}: ${surveyCount(n) ?? '–'}`,
    )
    .join(' · ');
}

export function surveysSection(layout: ReportLayout, report: CouncilReportData): void {
  const { locale } = report;
  const t = reportT(locale);
  layout.heading(t('sections.surveys'));
  if (report.surveys.length === 0) {
    layout.paragraph(t('surveys.none'));
    return;
  }
  for (const section of report.surveys) {
    layout.heading(section.info.title, 2);
    const group = section.summary.groups[0]!;
    const n = surveyCount(group.n);
    if (group.suppressed !== null || n === null) {
      layout.paragraph(t('surveys.groupHidden'));
      continue;
    }
    layout.paragraph(t('surveys.answers', { n }));
    layout.table(
      [
        { label: t('surveys.question'), width: 0.4 },
        { label: t('surveys.mean'), width: 0.1, align: 'right' },
        { label: t('surveys.answer'), width: 0.5 },
      ],
      section.info.questions.map((q, i) => {
        const mean = group.questions[i]?.mean ?? null;
        return [
          q.label,
          mean === null ? '–' : num(locale, mean),
          answerText(section, group, i, t('surveys.skipped')),
        ];
      }),
    );
    layout.paragraph(t('surveys.hiddenNote'), { muted: true, size: 8 });
  }
}
