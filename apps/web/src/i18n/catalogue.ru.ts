import { mergeCatalogues } from './merge.ts';

// The shell's messages and every feature's (features/*/messages/ru.json), in one chunk per language.
const parts = import.meta.glob<Record<string, unknown>>(['./ru.json', '../features/*/messages/ru.json'], { eager: true, import: 'default' });
export default mergeCatalogues(Object.values(parts));
