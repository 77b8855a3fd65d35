import type { Worksheet } from 'exceljs';
import { formatQuarter } from '../../../web/i18n/locales.js';
import type { CouncilReportData } from './reports.data.js';
import { localText, reportT } from './reports.format.js';
import { FUNNEL_STAGES, surveyCount } from './reports.pdf-sections.js';

/**
 * The figures behind the council report, one sheet per section. Numbers are written as
 * numbers (shares as fractions formatted as per cent), so the council's staff can chart and
 * sum them; a hidden survey cell is the word "hidden", never a number.
 */
export async function renderCouncilXlsx(report: CouncilReportData): Promise<Buffer> {
  // exceljs is loaded when someone downloads, not at start: it costs ~18 MB of memory.
  const { default: ExcelJS } = await import('exceljs');
  const { locale } = report;
  const t = reportT(locale);
  const book = new ExcelJS.Workbook();
  book.creator = 'Flytthit';
  const sheet = (name: string, header: string[]): Worksheet => {
    const s = book.addWorksheet(name.slice(0, 31));
    s.addRow(header);
    s.getRow(1).font = { bold: true };
    s.columns.forEach((c) => {
      c.width = 18;
    });
    return s;
  };

  const info = sheet(t('xlsx.info'), [t('xlsx.region'), report.region.name]);
  info.addRow([t('xlsx.from'), report.from]);
  info.addRow([t('xlsx.to'), report.to]);
  info.addRow([t('xlsx.generated'), report.generatedAt]);
  const mainGoal = report.goals.programme.mainGoal;
  if (mainGoal) info.addRow([t('pdf.mainGoal'), localText(mainGoal, locale)]);

  const goals = sheet(t('sections.goals'), [
    t('xlsx.subGoal'),
    t('goals.indicator'),
    t('xlsx.unit'),
    t('goals.baseline'),
    t('goals.target'),
    t('goals.status'),
    t('goals.year'),
    t('goals.value'),
  ]);
  for (const sub of report.goals.subGoals) {
    for (const ind of sub.indicators) {
      for (const p of ind.points.length ? ind.points : [null]) {
        const row = goals.addRow([
          localText(sub.title, locale),
          localText(ind.name, locale),
          ind.unit,
          ind.baseline,
          ind.target,
          t(`goals.statuses.${ind.status}`),
          p ? Number(p.label) || p.label : null,
          p === null ? null : p.value !== null ? p.value : p.suppressed ? t('xlsx.hidden') : null,
        ]);
        if (ind.unit === 'share') {
          for (const col of [4, 5, 8]) row.getCell(col).numFmt = '0%';
        }
      }
    }
  }

  const migration = sheet(t('sections.migration'), [
    t('migration.quarter'),
    t('migration.popEnd'),
    t('migration.movedIn'),
    t('migration.netMigration'),
    t('migration.growth'),
  ]);
  for (const q of report.quarters) {
    migration.addRow([q.quarter, q.popEnd, q.movedIn, q.netMigration, q.growth]);
  }
  const summaries = sheet(t('sections.summaries'), [t('migration.quarter'), '']);
  for (const q of report.quarters) summaries.addRow([formatQuarter(locale, q.quarter), q.summary]);

  const campaigns = sheet(t('sections.campaigns'), [
    t('xlsx.campaign'),
    ...FUNNEL_STAGES.map((s) => t(`campaigns.stages.${s}`)),
  ]);
  for (const f of report.funnels) {
    campaigns.addRow([f.campaignName, ...FUNNEL_STAGES.map((s) => f.total[s])]);
  }

  const surveys = sheet(t('sections.surveys'), [
    t('xlsx.survey'),
    t('surveys.question'),
    t('surveys.mean'),
    t('surveys.answer'),
    t('surveys.count'),
  ]);
  for (const section of report.surveys) {
    const group = section.summary.groups[0]!;
    const visible = group.suppressed === null && surveyCount(group.n) !== null;
    section.info.questions.forEach((q, i) => {
      const summary = visible ? group.questions[i] : undefined;
      const labels = new Map(q.options.map((o) => [o.key, o.label]));
      const counts = summary?.counts ?? null;
      if (!counts) {
        surveys.addRow([section.info.title, q.label, summary?.mean ?? null, '', t('xlsx.hidden')]);
        return;
      }
      for (const [key, n] of Object.entries(counts)) {
        const shown = surveyCount(n);
        surveys.addRow([
          section.info.title,
          q.label,
          summary?.mean ?? null,
          key === 'none' ? t('surveys.skipped') : (labels.get(key) ?? key),
          shown === null ? t('xlsx.hidden') : Number(shown),
        ]);
      }
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
