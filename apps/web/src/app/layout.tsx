import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { visibleNavItems } from './navigation.ts';
import { useSession } from './session.tsx';
import { FacilitySwitcher } from './facility-switcher.tsx';
import { UserMenu } from './user-menu.tsx';
import { SessionLanguageMenu } from './session-language-menu.tsx';
import { ThemeToggle } from '../ui/theme-toggle.tsx';

/** Header (facility, language, theme, user) and a navbar that collapses behind a burger on tablets. */
export function Layout() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('shell.menu')} />
            <Text fw={800} size="lg" component={Link} to="/" c="inherit" td="none">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <FacilitySwitcher />
            <SessionLanguageMenu />
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        <ScrollArea>
          {visibleNavItems(can).map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.labelKey)}
              // Filled: white on the primary colour keeps its contrast when the active item is hovered.
              variant="filled"
              active={item.to === '/' ? pathname === '/' : pathname.startsWith(item.to)}
              onClick={close}
              data-testid={`nav-${item.to === '/' ? 'home' : item.to.slice(1)}`}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
