import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@vigil/contracts';
import { useSession } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';

/** A record's kind in words ("Place"); a kind this screen does not know yet, as written. */
const kindOf = (e: AuditEvent, t: TFunction) => (e.entityType ? t(`audit.entityTypes.${e.entityType}`, { defaultValue: e.entityType }) : '');

/** The record as text (for exports): its name when the server gave one, else its kind and id. */
export const auditRecordText = (e: AuditEvent, t: TFunction) => e.entityLabel ?? [kindOf(e, t), e.entityId].filter(Boolean).join(' ');

/**
 * The record an event is about: its name, linked to its screen, when the server named it (it does
 * only for records the reader may see); otherwise its kind and bare id, as written in the trail.
 */
export function AuditRecordLink({ event: e }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const id = e.entityId;
  const label = e.entityLabel;
  if (!label || !id) {
    return (
      <>
        {kindOf(e, t)}
        {id && <Text size="xs">{id}</Text>}
      </>
    );
  }
  const link = (() => {
    switch (e.entityType) {
      case 'prisoner':
        return <AnchorLink to="/prisoners/$prisonerId" params={{ prisonerId: id }}>{label}</AnchorLink>;
      case 'intake':
        if (!can('reception.manage')) return label;
        return <AnchorLink to="/reception/$intakeId" params={{ intakeId: id }}>{label}</AnchorLink>;
      case 'facility':
        return <AnchorLink to="/facilities/$facilityId" params={{ facilityId: id }}>{label}</AnchorLink>;
      // A place is shown in its facility's tree. Users have no screen of their own: the name says who.
      case 'location':
        return e.facilityId ? <AnchorLink to="/facilities/$facilityId" params={{ facilityId: e.facilityId }}>{label}</AnchorLink> : label;
      default:
        return label;
    }
  })();
  return <span data-testid="audit-record">{link}</span>;
}
