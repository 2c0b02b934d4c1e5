import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/query-state.tsx';
import { formatDate, nameLatin, nameOwnScript } from '../prisoners/prisoner-format.ts';
import { StateBadge } from '../prisoners/state-badge.tsx';
import { receptionApi, receptionKeys } from './reception-api.ts';

/**
 * The duplicate check: people already known, in any facility, with a similar name in any script and
 * the same or a close date of birth. Linking re-admits the earlier file instead of opening a new one.
 * A file held in another facility shows only where the person is known and whom to ask.
 */
export function PossibleMatches({ intakeId, linkedId, onLink }: { intakeId: string; linkedId: string | null; onLink: (id: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const matches = useQuery({ queryKey: receptionKeys.matches(intakeId), queryFn: () => receptionApi.matches(intakeId) });
  const items = matches.data?.items ?? [];
  return (
    <Stack gap="sm" data-testid="possible-matches">
      <QueryState isPending={matches.isPending} error={matches.error} />
      {matches.data && items.length === 0 && (
        <Text size="sm" data-testid="no-matches">
          {t('reception.matches.none')}
        </Text>
      )}
      {items.length > 0 && (
        <Alert color="blue.9" variant="outline" title={t('reception.matches.title')}>
          {t('reception.matches.help')}
        </Alert>
      )}
      {items.map((m) => {
        const linked = linkedId === m.id;
        const latin = nameLatin(m);
        return (
          <Paper key={m.id} withBorder p="sm" data-testid="match" data-prisoner-id={m.id} bg={linked ? 'var(--mantine-color-blue-light)' : undefined}>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600}>
                  {nameOwnScript(m)}
                  {latin && ` · ${latin}`}
                </Text>
                <Text size="sm">
                  {t('reception.matches.facts', { number: m.prisonNumber, facility: m.facilityCode, dob: formatDate(m.dateOfBirth, i18n.language) })}
                </Text>
                {m.contact && (
                  <Text size="sm" data-testid="known-elsewhere">
                    {t('reception.matches.knownElsewhere', { facility: m.facilityName })}
                  </Text>
                )}
                <Group gap={4}>
                  <StateBadge state={m.state} />
                  {m.reasons.map((r) => (
                    <Badge key={r} variant="outline" color="gray.8">
                      {t(`reception.matches.reasons.${r}`, { defaultValue: r })}
                    </Badge>
                  ))}
                </Group>
              </Stack>
              {linked ? (
                <Button variant="default" onClick={() => onLink(null)} data-testid="unlink-match">
                  {t('reception.matches.unlink')}
                </Button>
              ) : (
                <Button variant="light" onClick={() => onLink(m.id)} data-testid="link-match">
                  {t('reception.matches.link')}
                </Button>
              )}
            </Group>
            {linked && (
              <Text size="sm" mt="xs" data-testid="linked-note">
                {m.state === 'released' ? t('reception.matches.linkedNote') : t('reception.matches.stillHeld')}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
