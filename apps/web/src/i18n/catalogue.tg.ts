import { mergeCatalogues } from './merge.ts';

// The shell's messages and every feature's (features/*/messages/tg.json), in one chunk per language.
const parts = import.meta.glob<Record<string, unknown>>(['./tg.json', '../features/*/messages/tg.json'], { eager: true, import: 'default' });
export default mergeCatalogues(Object.values(parts));
