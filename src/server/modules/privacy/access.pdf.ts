import { translator } from '../../../web/i18n/catalogue.js';
import type { Locale } from '../../../web/i18n/locales.js';
import type { AccessExport, ExportValue } from './access-export.js';
import { WITHHELD } from './access-export.js';
import { renderPdf } from './pdf.js';

const show = (value: ExportValue): string =>
  value === null ? '–' : Array.isArray(value) ? value.join(', ') : String(value);

/** The access export as a readable document: one heading per section, each with its source. */
export function renderAccessPdf(data: AccessExport, locale: Locale): Promise<Buffer> {
  const t = translator(locale, 'privacy');
  const title = t('export.title');
  return renderPdf(title, locale, (w) => {
    w.title(title);
    w.line(t('export.generated', { date: data.generatedAt.slice(0, 10) }), { muted: true });
    w.line(`${t('export.lookup')}: ${t(`person.${lookupLabel(data.lookup.by)}`)}`, {
      muted: true,
    });
    if (data.optedOut) w.line(t('export.optOut'));
    for (const section of data.sections) {
      w.heading(t(`export.sections.${section.id}`));
      w.line(t(`export.sources.${section.source}`), { muted: true });
      for (const record of section.records) {
        w.gap();
        for (const [key, value] of Object.entries(record)) {
          const label = t(`export.fields.${key}`, { defaultValue: key });
          w.field(label, value === WITHHELD ? t('export.withheld') : show(value));
        }
      }
    }
  });
}

const lookupLabel = (by: string) =>
  by === 'phone' ? 'byPhone' : by === 'email' ? 'byEmail' : 'byNameAddress';
