import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { watchPartialDates } from './lib/partialDate';

watchPartialDates(document);

const target = document.getElementById('app');
if (target) {
  mount(App, { target });
}
