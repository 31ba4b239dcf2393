import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import './style.css';
import { cssVariables } from './charts/theme.ts';
import { REGION } from './composables/useRegion.ts';
import { serverRegion } from './lib/server-region.ts';

for (const [name, value] of Object.entries(cssVariables())) document.documentElement.style.setProperty(name, value);

// The one provider of the city: every screen shows the region the server runs on.
void serverRegion().then((region) => createApp(App).use(createPinia()).provide(REGION, region).mount('#app'));
