const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls task until it resolves or attempts run out, doubling the wait each time.
 */
export async function withRetry(task, { attempts = 3, baseMs = 100, maxMs = 2000 } = {}) {
  let lastError;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      lastError = error;
      const wait = Math.min(maxMs, baseMs * 2 ** attempt);
      await sleep(wait);
    }
  }
  throw lastError;
}
