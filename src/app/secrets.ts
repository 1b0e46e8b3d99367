import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits as base64url: session tokens, API tokens, CSRF secrets. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * What the database keeps of a high-entropy secret. A fast hash is enough here (unlike for
 * passwords): 256 random bits cannot be guessed however fast each guess is.
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export const hmac = (key: string, message: string): string =>
  createHmac('sha256', key).update(message).digest('base64url');

/** Compares two secrets in constant time (for equal lengths; lengths are not secret). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
