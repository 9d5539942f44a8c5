// Whether the team database can be reached (lib/reachability.ts watches every call): the banner
// reads it, and its "Try now" asks for a retry at once.
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { reachability } from '../api'

export const useConnectionStore = defineStore('connection', () => {
  const state = reachability.state
  return {
    unreachable: computed(() => state.problem !== null),
    server: computed(() => state.server),
    retries: computed(() => state.retries),
    retryNow: () => reachability.retryNow(),
  }
})
