import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '@vigil/contracts';
import { applyLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n/index.ts';
import { notifyError } from './notify.ts';

/** English, Russian or Tajik. `onChosen` lets a signed-in user's choice be saved on the server. */
export function LanguageMenu({ onChosen }: { onChosen?: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const current = i18n.language as Language;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" aria-label={t('shell.language')} data-testid="language-switcher">
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => {
              applyLanguage(language).catch((e: unknown) => notifyError(e, t));
              onChosen?.(language);
            }}
            aria-current={language === current ? 'true' : undefined}
            fw={language === current ? 700 : undefined}
          >
            {LANGUAGE_NAMES[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
