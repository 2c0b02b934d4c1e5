import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Intake } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AppModal } from '../../ui/app-modal.tsx';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
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
  const expected = props.status === 'expected';
  const name = (intake: Intake) => nameOwnScript(intake.data.identity ?? {}) || t('reception.unnamed');
  const dateOfBirth = (intake: Intake) => intake.data.identity?.dateOfBirth;

  const columns: DataColumn<Intake>[] = [
    { key: 'name', header: 'prisoners.name', rowHeader: true, sortValue: name, cell: name },
    { key: 'dateOfBirth', header: 'prisoners.identity.dateOfBirth', nowrap: true, sortValue: dateOfBirth, cell: (i) => formatDate(dateOfBirth(i), i18n.language) },
    ...(expected
      ? ([
          { key: 'expectedOn', header: 'reception.expectedOn', nowrap: true, sortValue: (i) => i.expectedOn, cell: (i) => formatDate(i.expectedOn, i18n.language) },
          { key: 'arrivingFrom', header: 'reception.arrivingFrom', sortValue: (i) => i.arrivingFrom, cell: (i) => i.arrivingFrom ?? '—' },
        ] satisfies DataColumn<Intake>[])
      : ([
          { key: 'lastSaved', header: 'reception.lastSaved', nowrap: true, sortValue: (i) => i.updatedAt, cell: (i) => formatTimestamp(i.updatedAt, i18n.language, timeZone) },
          {
            key: 'missing',
            header: 'reception.stillMissing',
            sortValue: (i) => i.missing.length,
            cell: (i) => (
              <Badge color={i.missing.length === 0 ? 'teal.9' : 'red.9'} miw="max-content">
                {i.missing.length === 0 ? t('reception.readyToComplete') : t('reception.missingCount', { count: i.missing.length })}
              </Badge>
            ),
          },
        ] satisfies DataColumn<Intake>[])),
    {
      key: 'actions',
      header: 'reception.actions',
      cell: (intake) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" onClick={() => props.onOpen(intake)} data-testid="open-intake" aria-label={`${expected ? t('reception.startIntake') : t('reception.resume')}: ${name(intake)}`}>
            {expected ? t('reception.startIntake') : t('reception.resume')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => props.onCancel(intake)} aria-label={`${t('reception.cancelIntake')}: ${name(intake)}`}>
            {t('reception.cancelIntake')}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="xs" data-testid={`intakes-${props.status}`}>
      <Title order={2} size="h3">
        {props.title}
      </Title>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        rowKey={(i) => i.id}
        query={list}
        label={props.title}
        empty={props.empty}
        minWidth={760}
        testId={`intakes-${props.status}-table`}
        rowTestId="intake-row"
        rowData={(i) => ({ 'data-intake-id': i.id })}
      />
    </Stack>
  );
}
