import { useState } from 'react';
import { Badge, Button, Code, Paper, SimpleGrid, Text, Timeline, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CustodyStep } from '@vigil/contracts';
import { useCan, useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatTimestamp } from '../prisoners/prisoner-format.ts';
import { CustodyDialog } from './custody-dialog.tsx';
import { Field } from './search-page.tsx';
import { searchesApi, searchKeys } from './searches-api.ts';
import { staffName, useActiveFacility } from './search-text.ts';

/** An evidence bag: its number, what is in it, who holds it, and its whole chain of custody. */
export function EvidenceBagPage() {
  const { bagId } = useParams({ from: '/evidence/$bagId' });
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const { timeZone } = useActiveFacility();
  const bag = useQuery({ queryKey: searchKeys.bag(bagId), queryFn: () => searchesApi.bagOne(bagId) });
  const [stepping, setStepping] = useState(false);
  const b = bag.data;
  if (!b) return <QueryState isPending={bag.isPending} error={bag.error} />;
  const mine = b.status === 'held' && b.holder?.id === session.user.id;

  const describe = (s: CustodyStep) => {
    switch (s.kind) {
      case 'bagged':
        return t('searches.chain.bagged', { who: staffName(s.signedBy) });
      case 'handed-over':
        return t('searches.chain.handedOver', { from: staffName(s.from), to: staffName(s.to) });
      case 'police-handover':
        return t('searches.chain.police', { from: staffName(s.from), to: s.externalParty ?? '', reference: s.reference ?? '' });
      case 'disposed':
        return t('searches.chain.disposed', { from: staffName(s.from), witness: staffName(s.signedBy) });
    }
  };

  return (
    <div data-testid="bag-page" data-status={b.status}>
      <AnchorLink to="/searches/$searchId" params={{ searchId: b.searchId }}>
        {t('searches.bag.backToSearch')}
      </AnchorLink>
      <PageHeader title={t('searches.bag.title', { number: b.number })}>
        {can('evidence.handle') && mine && (
          <Button onClick={() => setStepping(true)} data-testid="custody-step">
            {t('searches.bag.step')}
          </Button>
        )}
      </PageHeader>
      <Paper withBorder p="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Field label={t('searches.columns.status')} value={<Badge data-testid="bag-status">{t(`searches.bagStatus.${b.status}`)}</Badge>} />
          <Field label={t('searches.columns.holder')} value={<span data-testid="bag-holder">{b.holder ? staffName(b.holder) : t('searches.bag.nobody')}</span>} />
          <Field label={t('searches.fields.seal')} value={b.seal ?? '—'} />
        </SimpleGrid>
        <Text size="sm" mt="sm">
          {b.finds.map((f) => `${t(`searches.categories.${f.category}`)}: ${f.description} × ${f.quantity}`).join('; ')}
        </Text>
      </Paper>
      <Title order={2} size="h4" mb="sm">
        {t('searches.bag.chain')}
      </Title>
      <Timeline active={b.chain.length - 1} bulletSize={18} lineWidth={2} data-testid="custody-chain">
        {b.chain.map((s) => (
          <Timeline.Item key={s.seq} title={`${s.seq}. ${t(`searches.steps.${s.kind}`)}`} data-testid="custody-entry" data-kind={s.kind}>
            <Text size="sm">{describe(s)}</Text>
            <Text size="xs" c="dimmed">
              {formatTimestamp(s.at, i18n.language, timeZone, 'second')} · {t('searches.chain.signed', { who: staffName(s.signedBy) })}
            </Text>
            {s.note && <Text size="sm">{s.note}</Text>}
            {s.photoHashes.length > 0 && (
              <Text size="xs">
                {t('searches.chain.hashes')}{' '}
                {s.photoHashes.map((h) => (
                  <Code key={h}>{h.slice(0, 16)}…</Code>
                ))}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {mine && <CustodyDialog opened={stepping} onClose={() => setStepping(false)} bag={b} onSaved={() => void queryClient.invalidateQueries({ queryKey: searchKeys.all })} />}
    </div>
  );
}
