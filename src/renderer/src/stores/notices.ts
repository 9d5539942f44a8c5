// Short messages about something that just happened away from where the person is looking
// (Ctrl+Z undid a change, a backup was restored): shown as toasts by AppToasts.vue.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export interface Notice {
  id: number
  text: string
  tone: 'info' | 'success' | 'error'
}

export const useNoticesStore = defineStore('notices', () => {
  const items = ref<Notice[]>([])
  let next = 0

  function push(text: string, tone: Notice['tone'] = 'info') {
    // One message at a time reads best: a new one replaces what is showing.
    items.value = [{ id: ++next, text, tone }]
  }

  function dismiss(id: number) {
    items.value = items.value.filter((notice) => notice.id !== id)
  }

  return { items, push, dismiss }
})
