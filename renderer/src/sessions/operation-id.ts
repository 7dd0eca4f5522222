/** An id an import or capture is known by before it answers (its progress events carry it; Cancel names it). */
export function newOperationId(): string {
  return globalThis.crypto?.randomUUID?.() ?? Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}
