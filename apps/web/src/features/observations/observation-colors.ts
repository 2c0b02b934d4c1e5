/** Status colours dark enough for white text and for text on white (WCAG AA 4.5:1). */
export const OK = 'teal.9';
export const WARN = '#a33b00';
export const BAD = 'red.9';

/** Badges that wrap rather than cut their text (long Russian and Tajik labels in narrow columns). */
export const WRAP = { root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 } } as const;
