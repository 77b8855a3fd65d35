import { z } from 'zod';

/** The council report: a chosen period of one region, as PDF or XLSX, in nb, nn or en. */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ReportDaySchema = z
  .string('A date as YYYY-MM-DD')
  .regex(DAY, 'A date as YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'Not a date');

/** Longest period one report covers: a programme phase is a few years. */
export const MAX_REPORT_YEARS = 5;

export const REPORT_LOCALES = ['nb', 'nn', 'en'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

export const CouncilReportQuerySchema = z
  .strictObject({
    from: ReportDaySchema,
    to: ReportDaySchema,
    locale: z.enum(REPORT_LOCALES, 'nb, nn or en').default('nb'),
    /** Programme leaders need not say it (their own); administrators must. */
    region: z.uuid('Not a region id').optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'The period ends before it starts', path: ['to'] })
  .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= MAX_REPORT_YEARS, {
    message: `At most ${MAX_REPORT_YEARS} years`,
    path: ['to'],
  });
export type CouncilReportQuery = z.infer<typeof CouncilReportQuerySchema>;
