import { Alert, Button, Dialog, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { type ReactNode, type Ref, useEffect, useRef } from 'react';
import { useT } from '../i18n.js';

/** The first page shown keeps focus where the browser put it; later pages take it. */
let firstPage = true;

interface PageProps {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
}

/**
 * A screen: sets the document title and, after a client-side navigation, moves focus to
 * the heading so a screen reader announces the new page (as a full page load would).
 */
export function Page({ title, intro, children }: PageProps) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('appTitle')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <>
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1} className="office-page-title">
        {title}
      </Heading>
      {intro && <Paragraph className="office-intro">{intro}</Paragraph>}
      {children}
    </>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <div className="office-loading">
      <Spinner aria-label={t('loading')} data-size="md" />
    </div>
  );
}

export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useT();
  return (
    <Alert data-color="danger" className="office-alert">
      <Paragraph>{t('errors.loadFailed')}</Paragraph>
      <Button variant="secondary" data-size="sm" onClick={onRetry}>
        {t('retry')}
      </Button>
    </Alert>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A confirm step for a change that is hard to undo; Escape and "Cancel" back out. */
export function ConfirmDialog(props: ConfirmProps) {
  const { t } = useT();
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      closeButton={t('closeDialog')}
      aria-labelledby="confirm-title"
    >
      <Dialog.Block>
        <Heading level={2} data-size="sm" id="confirm-title">
          {props.title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{props.body}</Paragraph>
        <div className="office-actions">
          <Button
            data-color={props.danger ? 'danger' : 'accent'}
            onClick={props.onConfirm}
            loading={props.busy}
          >
            {props.confirmLabel}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            {t('cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

interface TableScrollProps {
  /** Id of the table's caption, or a label of its own. */
  labelledBy?: string;
  label?: string;
  ref?: Ref<HTMLElement>;
  children: ReactNode;
}

/**
 * A table in a box that scrolls sideways on a narrow screen (data tables need not reflow,
 * WCAG 1.4.10), reachable by keyboard so it can be scrolled without a mouse.
 */
export function TableScroll({ labelledBy, label, ref, children }: TableScrollProps) {
  return (
    <section
      ref={ref}
      className="office-table-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
      tabIndex={0}
      aria-labelledby={labelledBy}
      aria-label={label}
    >
      {children}
    </section>
  );
}
