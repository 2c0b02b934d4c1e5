import type { CountStatus } from '@vigil/contracts';

export const STATUS_COLOURS: Record<CountStatus, string> = { open: 'blue.9', discrepancy: 'red.9', closed: 'gray.7' };
