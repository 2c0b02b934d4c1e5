import { useState } from 'react';
import { Badge, CloseButton, Group, List, Stack, TextInput, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PrisonerSearchHit } from '@vigil/contracts';
import { nameOwnScript } from '../prisoners/prisoner-format.ts';
import { prisonerKeys, prisonersApi } from '../prisoners/prisoners-api.ts';

export type PickedPrisoner = Pick<PrisonerSearchHit, 'id' | 'prisonNumber' | 'familyName' | 'givenName'> & { patronymic?: string | null };

/** Finds prisoners of a facility by name or number and keeps those chosen (keep-apart members, a zone's barred list). */
export function PrisonerPicker({ facilityId, label, value, onChange, testId }: { facilityId: string; label: string; value: PickedPrisoner[]; onChange: (v: PickedPrisoner[]) => void; testId: string }) {
  const [q, setQ] = useState('');
  const filters = { q, includeReleased: false, facilityId };
  const hits = useQuery({ queryKey: prisonerKeys.search(filters), queryFn: () => prisonersApi.search(filters), enabled: q.trim().length >= 2 });
  const chosen = new Set(value.map((p) => p.id));
  return (
    <Stack gap={4}>
      <TextInput label={label} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid={`${testId}-search`} />
      {value.length > 0 && (
        <Group gap={6}>
          {value.map((p) => (
            <Badge key={p.id} variant="light" size="lg" rightSection={<CloseButton size="xs" onClick={() => onChange(value.filter((x) => x.id !== p.id))} aria-label={nameOwnScript(p)} />} data-testid={`${testId}-chosen`}>
              {nameOwnScript(p)} · {p.prisonNumber}
            </Badge>
          ))}
        </Group>
      )}
      <List listStyleType="none" spacing={4}>
        {(hits.data?.items ?? [])
          .filter((h) => !chosen.has(h.id))
          .slice(0, 6)
          .map((h) => (
            <List.Item key={h.id}>
              <UnstyledButton
                onClick={() => {
                  onChange([...value, h]);
                  setQ('');
                }}
                data-testid={`${testId}-hit`}
                data-number={h.prisonNumber}
              >
                {nameOwnScript(h)} · {h.prisonNumber}
              </UnstyledButton>
            </List.Item>
          ))}
      </List>
    </Stack>
  );
}
