// Limits of one call, shared by the contract (which enforces them) and the renderer (which splits
// imports into batches that fit). Kept apart from contract.ts so the renderer does not bundle zod.
/** Files travel as base64 so that one shape works over IPC, HTTP and in-process calls. */
export const MAX_FILES_PER_CALL = 200
export const MAX_FILE_BYTES = 50 * 1024 * 1024
