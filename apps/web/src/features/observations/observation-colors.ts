/** Status colours dark enough for white text and for text on white (WCAG AA 4.5:1). */
export const OK = 'teal.9';
export const WARN = '#a33b00';
export const BAD = 'red.9';
