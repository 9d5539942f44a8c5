// "Connect to a team database…" (the desktop app keeps the setting; the browser harness cannot
// change it): the saved connection, saving one, and forgetting it. Both take effect at the next start.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { TeamConnectionInput, TeamDatabaseSetting } from '../../../shared/api/app'
import { api } from '../api'
import { useRequest } from '../composables/useRequest'

export const useTeamDatabaseStore = defineStore('teamDatabase', () => {
  const setting = ref<TeamDatabaseSetting | null>(null)
  const request = useRequest()
  const saving = useRequest()
  const message = ref<string | null>(null)

  async function load() {
    await request.run(() => api.call('app.teamDatabase', {}), (value) => (setting.value = value))
  }

  async function save(input: TeamConnectionInput): Promise<boolean> {
    message.value = null
    return saving.run(
      () => api.call('app.saveTeamDatabase', input),
      (saved) => {
        setting.value = { saved, canChange: true }
        message.value = 'Saved. Progress Desk will open the team database the next time it starts.'
      },
    )
  }

  async function forget(): Promise<boolean> {
    message.value = null
    return saving.run(
      () => api.call('app.forgetTeamDatabase', {}),
      () => {
        setting.value = { saved: null, canChange: true }
        message.value = 'Forgotten. Progress Desk will open this computer’s own archive the next time it starts.'
      },
    )
  }

  return { setting, status: request.status, error: request.error, saveStatus: saving.status, saveError: saving.error, message, load, save, forget }
})
