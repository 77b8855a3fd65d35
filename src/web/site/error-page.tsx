import { Heading, Paragraph } from '../ui/ds-server.js';
import { localePath } from './text.js';
import type { PageProps } from './types.js';

/** 404 and every other error, in the visitor's language, with a way back. */
export function ErrorPage({ input, t, status }: PageProps & { status: number }) {
  const notFound = status === 404;
  return (
    <div className="fh-container fh-section fh-prose">
      <Heading level={1} data-size="xl">
        {notFound ? t('common:notFound.title') : t('common:error.title')}
      </Heading>
      <Paragraph data-size="lg">
        {notFound ? t('common:notFound.body') : t('common:error.body')}
      </Paragraph>
      <Paragraph>
        <a className="ds-link" href={localePath(input.locale, '/')}>
          {t('common:notFound.home')}
        </a>
      </Paragraph>
    </div>
  );
}

export const errorTitle = (t: PageProps['t'], status: number) =>
  status === 404 ? t('common:notFound.title') : t('common:error.title');
