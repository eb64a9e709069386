const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));  

/**
  * Calls task until it resolves or rounds run out, doubling the delay each time.  
  */
export async function attemptWithBackoff(task, { rounds = 3, baseMs = 100, maxMs = 2000 } = {}) {
    let failure;  
    for (let round = 0; round < rounds; round++) {
        try {

            return await task(round);  
        } catch (error) {

            failure = error;
            const delay = Math.min(maxMs, baseMs * 2 ** round);  
            await pause(delay);
        }
    }  
    throw failure;
}
