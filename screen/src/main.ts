import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import './style.css';
import { cssVariables } from './charts/theme.ts';

for (const [name, value] of Object.entries(cssVariables())) document.documentElement.style.setProperty(name, value);

createApp(App).use(createPinia()).mount('#app');
