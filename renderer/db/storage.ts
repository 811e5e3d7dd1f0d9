/** Asks the browser to keep the app's data (not evict it under storage pressure) and reports usage. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (
    typeof navigator === 'undefined' ||
    !('storage' in navigator) ||
    typeof navigator.storage.persist !== 'function'
  ) {
    console.info('[storage] navigator.storage.persist() unavailable: data may be evicted under pressure');
    return false;
  }
  const isPersisted = await navigator.storage.persist();
  console.info(`[storage] persistent storage ${isPersisted ? 'granted' : 'refused'}`);
  return isPersisted;
}

export type StorageEstimate = { readonly usageBytes: number; readonly quotaBytes: number } | null;

export async function estimateStorage(): Promise<StorageEstimate> {
  if (
    typeof navigator === 'undefined' ||
    !('storage' in navigator) ||
    typeof navigator.storage.estimate !== 'function'
  )
    return null;
  const estimate = await navigator.storage.estimate();
  return { usageBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0 };
}
