import './business.css';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useState } from 'react';
import { PIPELINE_STAGES } from '../../../contracts/business.js';
import { LoadFailed, Loading, Page } from '../components/page.js';
import { businessApi, type InquiryList } from './api.js';
import { InquiryCard } from './inquiry-card.js';
import { BusinessNav } from './nav.js';
import { useBusinessT } from './text.js';

/**
 * «Start Her»: inquiries grouped by stage (no dragging: each card has plain forms to move it,
 * undo the last move, assign an advisor and keep follow-up tasks), and this year's count of
 * businesses established.
 */
export function StartupsScreen() {
  const b = useBusinessT();
  const [list, setList] = useState<InquiryList | null>(null);
  const [established, setEstablished] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState('');
  const year = new Date().getFullYear();

  const load = useCallback(async () => {
    setFailed(false);
    try {
      const [l, e] = await Promise.all([businessApi.inquiries(), businessApi.established(year)]);
      setList(l);
      setEstablished(e.total);
    } catch {
      setFailed(true);
    }
  }, [year]);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = async (text: string) => {
    setNotice(text);
    await load();
  };

  return (
    <Page title={b('office.startupsTitle')} intro={b('office.startupsIntro')}>
      <BusinessNav />
      <div role="status">{notice && <Paragraph>{notice}</Paragraph>}</div>
      {failed && <LoadFailed onRetry={() => void load()} />}
      {!failed && !list && <Loading />}
      {established !== null && (
        <Paragraph>{b('office.established', { year, count: established })}</Paragraph>
      )}
      {list &&
        PIPELINE_STAGES.map((stage) => {
          const items = list.inquiries.filter((i) => i.pipelineStage === stage);
          return (
            <section key={stage} aria-labelledby={`stage-${stage}`} className="business-section">
              <Heading level={2} data-size="xs" id={`stage-${stage}`}>
                {b('office.stageHeading', {
                  stage: b(`office.stages.${stage}`),
                  count: items.length,
                })}
              </Heading>
              {items.length === 0 ? (
                <Paragraph data-size="sm">{b('office.noInquiries')}</Paragraph>
              ) : (
                <ul className="business-list">
                  {items.map((i) => (
                    <InquiryCard
                      key={`${i.id}-${i.pipelineStage}`}
                      inquiry={i}
                      list={list}
                      onChanged={changed}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
    </Page>
  );
}
