/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

interface Window {
  /** Exposed by the Electron preload (src/preload/index.ts); absent in a plain browser. */
  bridge?: {
    invoke(method: string, input: unknown): Promise<import('../../shared/api/errors').Envelope<unknown>>
    subscribe(event: string, callback: (payload: unknown) => void): () => void
  }
}
