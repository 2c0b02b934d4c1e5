import { mergeCatalogues } from './merge.ts';

// The shell's messages and every feature's (features/*/messages/en.json), in one chunk per language.
const parts = import.meta.glob<Record<string, unknown>>(['./en.json', '../features/*/messages/en.json'], { eager: true, import: 'default' });
export default mergeCatalogues(Object.values(parts));
