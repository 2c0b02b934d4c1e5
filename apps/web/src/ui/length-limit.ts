import type { TFunction } from 'i18next';

/**
 * A field's length limit, said when it is reached: the browser stops typing (and cuts a paste)
 * at maxLength without a word, so a long name would otherwise be shortened unnoticed.
 */
export const lengthLimitNote = (value: string, max: number, t: TFunction): string | undefined => (value.length >= max ? t('fieldErrors.atLimit', { max: String(max) }) : undefined);
