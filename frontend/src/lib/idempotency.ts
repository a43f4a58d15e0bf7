import { useRef } from 'react';

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; plain-http deployments still get a v4 UUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One key per logical create: retrying the same body reuses the key (so a lost answer
 * never creates twice); a changed body is a new request and gets a new key (the API
 * answers 409 to a reused key with another body).
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const current = useRef<{ body: string; key: string } | null>(null);
  return (body: unknown) => {
    const serialised = JSON.stringify(body);
    if (current.current?.body !== serialised) {
      current.current = { body: serialised, key: newIdempotencyKey() };
    }
    return current.current.key;
  };
}
