import { Suspense, useState } from 'react';
import { Button, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Prisoner } from '@vigil/contracts';
import { useCan } from '../../app/session.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { AlertsPanel } from '../alerts/alerts-panel.tsx';
import { AllocationPanel } from '../allocation/allocation-panel.tsx';
import { MovementsPanel } from '../movements/movements-panel.tsx';
import { CorrectFileDialog } from './correct-file-form.tsx';
import { AdmissionView, FamilyView, IdentityView, LegalView } from './file-views.tsx';
import { HistoryPanel } from './history-panel.tsx';
import { PrisonerHeader } from './prisoner-header.tsx';
import { prisonerKeys, prisonersApi, recordPdfUrl } from './prisoners-api.ts';
import { ViewsPanel } from './views-panel.tsx';
import { WEB_FEATURES } from '../index.ts';

export function PrisonerPage() {
  const { prisonerId } = useParams({ from: '/prisoners/$prisonerId' });
  const prisoner = useQuery({ queryKey: prisonerKeys.one(prisonerId), queryFn: () => prisonersApi.get(prisonerId) });
  return (
    <div data-testid="prisoner-page">
      <QueryState isPending={prisoner.isPending} error={prisoner.error} />
      {prisoner.data && <PrisonerProfile prisoner={prisoner.data} />}
    </div>
  );
}

function PrisonerProfile({ prisoner }: { prisoner: Prisoner }) {
  const { t } = useTranslation();
  const can = useCan();
  const [correcting, setCorrecting] = useState(false);
  const tabs: [string, string][] = [
    ['identity', t('prisoners.sections.identity')],
    ['legal', t('prisoners.sections.legal')],
    ['family', t('prisoners.sections.family')],
    ['admission', t('prisoners.sections.admission')],
    ['alerts', t('prisoners.tabs.alerts')],
    ['location', t('prisoners.tabs.location')],
    ['movements', t('prisoners.tabs.movements')],
    ['history', t('prisoners.tabs.history')],
  ];
  if (can('prisoners.views.read')) tabs.push(['views', t('prisoners.tabs.views')]);
  // Tabs other features lend the file (assessments, plans, case notes…), in registry order.
  const lent = WEB_FEATURES.flatMap((f) => f.fileTabs ?? []).filter((tab) => can(tab.ability));
  for (const tab of lent) tabs.push([tab.value, t(tab.labelKey)]);

  return (
    <>
      <PrisonerHeader prisoner={prisoner}>
        {can('prisoners.correct') && (
          <Button variant="default" onClick={() => setCorrecting(true)} data-testid="correct-file">
            {t('prisoners.correct.title')}
          </Button>
        )}
        <Button component="a" href={recordPdfUrl(prisoner.id)} target="_blank" rel="noopener" variant="default" data-testid="print-record">
          {t('prisoners.print')}
        </Button>
      </PrisonerHeader>
      <Tabs defaultValue="identity" keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map(([value, label]) => (
            <Tabs.Tab key={value} value={value} data-testid={`tab-${value}`}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="identity">
          <IdentityView identity={prisoner.file.identity} />
        </Tabs.Panel>
        <Tabs.Panel value="legal">
          <LegalView prisoner={prisoner} />
        </Tabs.Panel>
        <Tabs.Panel value="family">
          <FamilyView family={prisoner.file.family} />
        </Tabs.Panel>
        <Tabs.Panel value="admission">
          <AdmissionView admission={prisoner.file.admission} sex={prisoner.sex} />
        </Tabs.Panel>
        <Tabs.Panel value="alerts">
          <AlertsPanel prisoner={prisoner} />
        </Tabs.Panel>
        <Tabs.Panel value="location">
          <AllocationPanel prisoner={prisoner} />
        </Tabs.Panel>
        <Tabs.Panel value="movements">
          <MovementsPanel prisoner={prisoner} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryPanel prisoner={prisoner} />
        </Tabs.Panel>
        {can('prisoners.views.read') && (
          <Tabs.Panel value="views">
            <ViewsPanel prisoner={prisoner} />
          </Tabs.Panel>
        )}
        {lent.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value}>
            <Suspense fallback={<QueryState isPending error={null} />}>
              <tab.panel prisoner={prisoner} />
            </Suspense>
          </Tabs.Panel>
        ))}
      </Tabs>

      <CorrectFileDialog prisoner={prisoner} opened={correcting} onClose={() => setCorrecting(false)} />
    </>
  );
}
