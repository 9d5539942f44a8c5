// Hash history, because Electron loads the renderer from file:// where there is no server to
// answer deep links. `meta.view` names the page: moving within a page (opening another letter)
// keeps focus where it is, arriving on a new page moves it to the page's heading.
import { createRouter, createWebHashHistory } from 'vue-router'
import BackupsPage from './views/cycles/BackupsPage.vue'
import ComparePage from './views/cycles/ComparePage.vue'
import DashboardPage from './views/cycles/DashboardPage.vue'
import ReportPage from './views/cycles/ReportPage.vue'
import CyclesView from './views/CyclesView.vue'
import HistoryView from './views/HistoryView.vue'
import LettersView from './views/LettersView.vue'
import BinView from './views/BinView.vue'
import OrganisationsView from './views/OrganisationsView.vue'
import RecommendationDetailView from './views/RecommendationDetailView.vue'
import RecommendationsView from './views/RecommendationsView.vue'
import SearchView from './views/SearchView.vue'
import SetupView from './views/SetupView.vue'

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
    { path: '/bin', name: 'bin', component: BinView, meta: { view: 'letters' } },
    { path: '/recommendations', name: 'recommendations', component: RecommendationsView, meta: { view: 'recommendations' } },
    { path: '/recommendations/:id(\\d+)', name: 'recommendation', component: RecommendationDetailView, meta: { view: 'recommendation' } },
    { path: '/organisations', name: 'organisations', component: OrganisationsView, meta: { view: 'organisations' } },
    {
      // The four parts of Cycles & report share one view, so moving between them keeps focus on the tab.
      path: '/cycles',
      component: CyclesView,
      meta: { view: 'cycles' },
      children: [
        { path: '', name: 'cycles', component: DashboardPage, meta: { view: 'cycles' } },
        { path: 'compare', name: 'cycles-compare', component: ComparePage, meta: { view: 'cycles' } },
        { path: 'report', name: 'cycles-report', component: ReportPage, meta: { view: 'cycles' } },
        { path: 'backups', name: 'cycles-backups', component: BackupsPage, meta: { view: 'cycles' } },
      ],
    },
    { path: '/search', name: 'search', component: SearchView, meta: { view: 'search' } },
    { path: '/history', name: 'history', component: HistoryView, meta: { view: 'history' } },
    { path: '/setup', name: 'setup', component: SetupView, meta: { view: 'setup' } },
    { path: '/:unknown(.*)*', redirect: '/letters' },
  ],
})
