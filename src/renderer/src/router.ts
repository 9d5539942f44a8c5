// Hash history, because Electron loads the renderer from file:// where there is no server to
// answer deep links. `meta.view` names the page: moving within a page (opening another letter)
// keeps focus where it is, arriving on a new page moves it to the page's heading.
import { createRouter, createWebHashHistory } from 'vue-router'
import CyclesView from './views/CyclesView.vue'
import LettersView from './views/LettersView.vue'
import OrganisationsView from './views/OrganisationsView.vue'
import RecommendationDetailView from './views/RecommendationDetailView.vue'
import RecommendationsView from './views/RecommendationsView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    view: string
  }
}

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/letters' },
    { path: '/letters/:id(\\d+)?', name: 'letters', component: LettersView, meta: { view: 'letters' } },
    { path: '/recommendations', name: 'recommendations', component: RecommendationsView, meta: { view: 'recommendations' } },
    { path: '/recommendations/:id(\\d+)', name: 'recommendation', component: RecommendationDetailView, meta: { view: 'recommendation' } },
    { path: '/organisations', name: 'organisations', component: OrganisationsView, meta: { view: 'organisations' } },
    { path: '/cycles', name: 'cycles', component: CyclesView, meta: { view: 'cycles' } },
    { path: '/:unknown(.*)*', redirect: '/letters' },
  ],
})
