import { ActionIcon, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Location } from '@vigil/contracts';
import type { LocationNode } from './location-tree-model.ts';
import { useCan } from '../../app/session.tsx';
import { AnchorLink } from '../../ui/anchor-link.tsx';

export type LocationAction = 'edit' | 'add' | 'bulk' | 'deactivate' | 'reactivate';

interface TreeProps {
  nodes: LocationNode[];
  isExpanded: (node: LocationNode) => boolean;
  onToggle: (node: LocationNode) => void;
  /** Null when the user may only look (no locations.manage). */
  onAction: ((action: LocationAction, location: Location) => void) | null;
}

/** The facility's places as nested lists: building › wing › landing › cell, and the rest. */
export function LocationTree(props: TreeProps) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, paddingLeft: 0 }} data-testid="location-tree">
      {props.nodes.map((node) => (
        <TreeItem key={node.location.id} node={node} {...props} />
      ))}
    </ul>
  );
}

function TreeItem({ node, ...props }: TreeProps & { node: LocationNode }) {
  const { t } = useTranslation();
  const can = useCan();
  const l = node.location;
  const expanded = props.isExpanded(node);
  const hasChildren = node.children.length > 0;
  const label = `${l.path} · ${l.name}`;

  return (
    <li data-testid={`location-${l.path}`} data-kind={l.kind}>
      <Group gap="xs" wrap="nowrap" py={2} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        {hasChildren ? (
          <UnstyledButton
            onClick={() => props.onToggle(node)}
            aria-expanded={expanded}
            aria-label={t(expanded ? 'locations.collapse' : 'locations.expand', { name: label })}
            w={24}
            ta="center"
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </UnstyledButton>
        ) : (
          <span style={{ width: 24, display: 'inline-block' }} />
        )}
        <Badge variant="outline" color="gray" size="sm" miw={90} styles={{ root: { color: 'var(--mantine-color-text)' } }}>
          {t(`locations.kinds.${l.kind}`)}
        </Badge>
        <Text fw={700} size="sm">
          {l.code}
        </Text>
        <Text size="sm" style={{ flex: 1 }} truncate>
          {l.name}
          {hasChildren && !expanded && ` (${node.children.length})`}
        </Text>
        {l.kind === 'cell' && l.baselineCapacity !== null && (
          <Text size="sm" title={t('locations.capacityTitle')}>
            {t('locations.capacityShort', { baseline: l.baselineCapacity, operational: l.operationalCapacity ?? l.baselineCapacity })}
          </Text>
        )}
        {!l.active && (
          <Badge color="gray" variant="filled" size="sm">
            {t('common.inactive')}
          </Badge>
        )}
        {/* The alerts feature's bulk view of a wing or landing. */}
        {can('alerts.read') && l.active && (l.kind === 'wing' || l.kind === 'landing') && (
          <AnchorLink size="sm" to="/locations/$locationId/alerts" params={{ locationId: l.id }} aria-label={t('alerts.wing.linkFor', { name: label })} data-testid={`location-alerts-${l.path}`}>
            {t('alerts.wing.link')}
          </AnchorLink>
        )}
        {props.onAction && <Actions location={l} onAction={props.onAction} label={label} />}
      </Group>
      {hasChildren && expanded && (
        <ul style={{ listStyle: 'none', margin: 0, paddingLeft: 20 }}>
          {node.children.map((child) => (
            <TreeItem key={child.location.id} node={child} {...props} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Actions({ location, onAction, label }: { location: Location; onAction: (a: LocationAction, l: Location) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('locations.actionsFor', { name: label })} data-testid={`location-actions-${location.path}`}>
          <span aria-hidden="true" style={{ color: 'var(--mantine-color-text)' }}>
            ⋯
          </span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAction('edit', location)}>{t('common.edit')}</Menu.Item>
        {location.active && location.kind !== 'cell' && (
          <Menu.Item onClick={() => onAction('add', location)} data-testid="action-add">
            {t('locations.addInside')}
          </Menu.Item>
        )}
        {location.active && location.kind === 'landing' && (
          <Menu.Item onClick={() => onAction('bulk', location)} data-testid="action-bulk">
            {t('locations.bulk.title')}
          </Menu.Item>
        )}
        {location.active ? (
          <Menu.Item color="red" onClick={() => onAction('deactivate', location)}>
            {t('common.deactivate')}
          </Menu.Item>
        ) : (
          <Menu.Item onClick={() => onAction('reactivate', location)}>{t('common.reactivate')}</Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
