/**
 * The URL id of a driver or team, from its name: `Côme Ledogar` -> `come-ledogar`.
 * Accents are dropped so the same person spelled with or without them is one id.
 */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
