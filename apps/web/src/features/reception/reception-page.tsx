import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Intake } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AppModal } from '../../ui/app-modal.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate, formatTimestamp, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { useFacilityTimeZone } from '../prisoners/use-facility-time-zone.ts';
import { CancelIntakeDialog } from './cancel-intake-dialog.tsx';
import { ExpectedArrivalForm } from './expected-arrival-form.tsx';
import { receptionApi, receptionKeys, type IntakeStatusName } from './reception-api.ts';

/** Reception at the active facility: who is expected, and intakes started but not finished. */
export function ReceptionPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const facilityId = session.activeFacilityId;
  const facility = session.facilities.find((f) => f.id === facilityId);
  const [adding, setAdding] = useState(false);
  const [cancelling, setCancelling] = useState<Intake | null>(null);
  const open = (intake: Intake) => void navigate({ to: '/reception/$intakeId', params: { intakeId: intake.id } });

  if (!facilityId) {
    return (
      <div data-testid="reception-page">
        <PageHeader title={t('reception.title')} />
        <Alert color="blue.9" variant="outline">
          {t('reception.chooseFacility')}
        </Alert>
      </div>
    );
  }

  return (
    <div data-testid="reception-page">
      <PageHeader title={facility ? t('reception.titleAt', { facility: facility.name }) : t('reception.title')}>
        <Button onClick={() => setAdding(true)} data-testid="add-expected">
          {t('reception.expectedArrival')}
        </Button>
      </PageHeader>
      <Stack gap="xl">
        <IntakeTable facilityId={facilityId} status="expected" title={t('reception.expected')} empty={t('reception.noneExpected')} onOpen={open} onCancel={setCancelling} />
        <IntakeTable facilityId={facilityId} status="in-progress" title={t('reception.inProgress')} empty={t('reception.noneInProgress')} onOpen={open} onCancel={setCancelling} />
      </Stack>

      <AppModal opened={adding} onClose={() => setAdding(false)} title={t('reception.expectedArrival')} size="lg">
        <ExpectedArrivalForm
          facilityId={facilityId}
          onCancel={() => setAdding(false)}
          onDone={(intake, start) => {
            setAdding(false);
            if (start) open(intake);
          }}
        />
      </AppModal>
      <CancelIntakeDialog intake={cancelling} onClose={() => setCancelling(null)} />
    </div>
  );
}

function IntakeTable(props: { facilityId: string; status: IntakeStatusName; title: string; empty: string; onOpen: (i: Intake) => void; onCancel: (i: Intake) => void }) {
  const { t, i18n } = useTranslation();
  const timeZone = useFacilityTimeZone(props.facilityId);
  const list = useQuery({ queryKey: receptionKeys.list(props.facilityId, props.status), queryFn: () => receptionApi.list(props.facilityId, props.status) });
  const items = list.data?.items ?? [];
  const expected = props.status === 'expected';

  return (
    <Stack gap="xs" data-testid={`intakes-${props.status}`}>
      <Title order={2} size="h3">
        {props.title}
      </Title>
      <QueryState isPending={list.isPending} error={list.error} />
      {list.data && items.length === 0 && <Text size="sm">{props.empty}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('prisoners.name')}</Table.Th>
                <Table.Th>{t('prisoners.identity.dateOfBirth')}</Table.Th>
                {expected ? <Table.Th>{t('reception.expectedOn')}</Table.Th> : <Table.Th>{t('reception.lastSaved')}</Table.Th>}
                {expected ? <Table.Th>{t('reception.arrivingFrom')}</Table.Th> : <Table.Th>{t('reception.stillMissing')}</Table.Th>}
                <Table.Th>{t('reception.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((intake) => {
                const identity = intake.data.identity ?? {};
                const name = nameOwnScript(identity) || t('reception.unnamed');
                return (
                  <Table.Tr key={intake.id} data-testid="intake-row" data-intake-id={intake.id}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(identity.dateOfBirth, i18n.language)}</Table.Td>
                    {expected ? (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(intake.expectedOn, i18n.language)}</Table.Td>
                    ) : (
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(intake.updatedAt, i18n.language, timeZone)}</Table.Td>
                    )}
                    {expected ? (
                      <Table.Td>{intake.arrivingFrom ?? '—'}</Table.Td>
                    ) : (
                      <Table.Td>{intake.missing.length === 0 ? <Badge color="teal.9">{t('reception.readyToComplete')}</Badge> : <Badge color="red.9">{t('reception.missingCount', { count: intake.missing.length })}</Badge>}</Table.Td>
                    )}
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-sm" onClick={() => props.onOpen(intake)} data-testid="open-intake" aria-label={`${expected ? t('reception.startIntake') : t('reception.resume')}: ${name}`}>
                          {expected ? t('reception.startIntake') : t('reception.resume')}
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => props.onCancel(intake)} aria-label={`${t('reception.cancelIntake')}: ${name}`}>
                          {t('reception.cancelIntake')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
