import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DataColumn } from '../../ui/data-table/columns.ts';
import { DataTable } from '../../ui/data-table/data-table.tsx';
import { formatDate, nameLatin, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { StateBadge } from '../prisoners/state-badge.tsx';
import { receptionApi, receptionKeys, type Match } from './reception-api.ts';

/**
 * The duplicate check: people already known, in any facility, with a similar name in any script and
 * the same or a close date of birth. Linking re-admits the earlier file instead of opening a new one.
 * A file held in another facility shows only where the person is known and whom to ask.
 */
export function PossibleMatches({ intakeId, linkedId, onLink }: { intakeId: string; linkedId: string | null; onLink: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const matches = useQuery({ queryKey: receptionKeys.matches(intakeId), queryFn: () => receptionApi.matches(intakeId) });
  const reasons = (m: Match) => m.reasons.map((r) => t(`reception.matches.reasons.${r}`, { defaultValue: r }));

  const columns: DataColumn<Match>[] = [
    {
      key: 'name',
      header: 'prisoners.name',
      rowHeader: true,
      cell: (m) => (
        <Stack gap={0}>
          <Text fw={600}>{nameOwnScript(m)}</Text>
          {nameLatin(m) && <Text size="sm">{nameLatin(m)}</Text>}
        </Stack>
      ),
    },
    { key: 'prisonNumber', header: 'prisoners.prisonNumber', nowrap: true, cell: (m) => m.prisonNumber },
    {
      key: 'facility',
      header: 'prisoners.facility',
      cell: (m) => (
        <>
          {m.facilityCode}
          {m.contact && (
            <Text size="xs" data-testid="known-elsewhere">
              {t('reception.matches.knownElsewhere', { facility: m.facilityName })}
            </Text>
          )}
        </>
      ),
    },
    { key: 'dateOfBirth', header: 'prisoners.identity.dateOfBirth', nowrap: true, cell: (m) => formatDate(m.dateOfBirth, i18n.language) },
    { key: 'state', header: 'prisoners.stateLabel', cell: (m) => <StateBadge state={m.state} /> },
    {
      key: 'why',
      header: 'reception.matches.why',
      cell: (m) => (
        <Group gap={4}>
          {reasons(m).map((r) => (
            <Badge key={r} variant="outline" color="gray.8">
              {r}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'decision', header: 'reception.actions', headerHidden: true, cell: (m) => <Decision match={m} linked={linkedId === m.id} onLink={onLink} /> },
  ];

  return (
    <Stack gap="sm" data-testid="possible-matches">
      {matches.data && matches.data.items.length > 0 && (
        <Alert color="blue.9" variant="outline" title={t('reception.matches.title')}>
          {t('reception.matches.help')}
        </Alert>
      )}
      <DataTable
        columns={columns}
        rows={matches.data?.items}
        rowKey={(m) => m.id}
        query={matches}
        label={t('reception.matches.title')}
        empty={<span data-testid="no-matches">{t('reception.matches.none')}</span>}
        minWidth={720}
        testId="matches-table"
        rowTestId="match"
        rowData={(m) => ({ 'data-prisoner-id': m.id, 'data-linked': linkedId === m.id })}
        rowStyle={(m) => (linkedId === m.id ? { background: 'var(--mantine-color-blue-light)' } : undefined)}
        striped={false}
      />
    </Stack>
  );
}

/** Same person or not: linking re-admits the earlier file (only once the person has been released). */
function Decision({ match, linked, onLink }: { match: Match; linked: boolean; onLink: (id: string | null) => void }) {
  const { t } = useTranslation();
  const name = nameOwnScript(match);
  return linked ? (
    <Stack gap={4} align="flex-start">
      <Button size="compact-sm" variant="default" onClick={() => onLink(null)} aria-label={`${t('reception.matches.unlink')}: ${name}`} data-testid="unlink-match">
        {t('reception.matches.unlink')}
      </Button>
      <Text size="xs" data-testid="linked-note">
        {match.state === 'released' ? t('reception.matches.linkedNote') : t('reception.matches.stillHeld')}
      </Text>
    </Stack>
  ) : (
    <Button size="compact-sm" variant="light" onClick={() => onLink(match.id)} aria-label={`${t('reception.matches.link')}: ${name}`} data-testid="link-match">
      {t('reception.matches.link')}
    </Button>
  );
}
