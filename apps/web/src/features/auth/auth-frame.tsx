import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rememberSignInChoice } from '../../i18n/index.ts';
import { LanguageMenu } from '../../ui/language-menu.tsx';
import { ThemeToggle } from '../../ui/theme-toggle.tsx';

/** The frame around every sign-in step: product name, language and theme. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="main" mih="100vh" p="md">
      <Group justify="flex-end" gap="xs">
        <LanguageMenu onChosen={rememberSignInChoice} />
        <ThemeToggle />
      </Group>
      <Center mt="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={460}>
          <Stack>
            <div>
              <Text fw={700} size="sm">
                {t('app.name')}
              </Text>
              <Title order={1} size="h2">
                {title}
              </Title>
            </div>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
