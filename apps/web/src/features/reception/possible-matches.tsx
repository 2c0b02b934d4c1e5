import { Alert, Badge, Button, Stack, Text } from '@mantine/core';
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

  // Three columns, so the decision stays in view at tablet width: who, why similar, and the decision.
  const columns: DataColumn<Match>[] = [
    {
      key: 'person',
      header: 'prisoners.name',
      rowHeader: true,
      cell: (m) => (
        <Stack gap={2}>
          <Text fw={600}>{nameOwnScript(m)}</Text>
          {nameLatin(m) && <Text size="sm">{nameLatin(m)}</Text>}
          <Text size="sm">{t('reception.matches.facts', { number: m.prisonNumber, facility: m.facilityCode, dob: formatDate(m.dateOfBirth, i18n.language) })}</Text>
          {m.contact && (
            <Text size="xs" data-testid="known-elsewhere">
              {t('reception.matches.knownElsewhere', { facility: m.facilityName })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'why',
      header: 'reception.matches.why',
      cell: (m) => (
        <Stack gap={4} align="flex-start">
          <StateBadge state={m.state} />
          {reasons(m).map((r) => (
            <Badge key={r} variant="outline" color="gray.8" miw="max-content">
              {r}
            </Badge>
          ))}
        </Stack>
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
        minWidth={560}
        testId="matches-table"
        rowTestId="match"
        rowData={(m) => ({ 'data-prisoner-id': m.id, 'data-linked': linkedId === m.id })}
        rowStyle={(m) => (linkedId === m.id ? { background: 'var(--mantine-color-blue-light)' } : undefined)}
        striped={false}
      />
    </Stack>
  );
}

// The decision's words are long in Russian and Tajik: they wrap inside the button, not off screen.
const WRAPPING = { h: 'auto', py: 4, maw: 220, styles: { label: { whiteSpace: 'normal' as const } } };

/** Same person or not: linking re-admits the earlier file (only once the person has been released). */
function Decision({ match, linked, onLink }: { match: Match; linked: boolean; onLink: (id: string | null) => void }) {
  const { t } = useTranslation();
  const name = nameOwnScript(match);
  return linked ? (
    <Stack gap={4} align="flex-start">
      <Button size="compact-sm" {...WRAPPING} variant="default" onClick={() => onLink(null)} aria-label={`${t('reception.matches.unlink')}: ${name}`} data-testid="unlink-match">
        {t('reception.matches.unlink')}
      </Button>
      <Text size="xs" data-testid="linked-note">
        {match.state === 'released' ? t('reception.matches.linkedNote') : t('reception.matches.stillHeld')}
      </Text>
    </Stack>
  ) : (
    <Button size="compact-sm" {...WRAPPING} variant="light" onClick={() => onLink(match.id)} aria-label={`${t('reception.matches.link')}: ${name}`} data-testid="link-match">
      {t('reception.matches.link')}
    </Button>
  );
}
