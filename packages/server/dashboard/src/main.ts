/** The dashboard's entry: who is signed in, then the page the path names. */
import { h, render, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.js';
import { IncidentPage } from './incident-page.js';
import { OverviewPage } from './overview-page.js';
import './style.css';

interface Session {
  readonly name: string;
  readonly role: string;
}

function App(): ComponentChild {
  const [session, setSession] = useState<Session | undefined>(undefined);
  useEffect(() => {
    getJson<Session>('/dashboard/session').then(setSession, () => window.location.assign('/'));
  }, []);
  const m = /^\/incidents\/([^/]+)$/.exec(window.location.pathname);
  const incident = m?.[1] === undefined ? undefined : decodeURIComponent(m[1]);
  // Each page says what it is in the tab's title, which is what screen readers announce first.
  useEffect(() => {
    document.title = incident === undefined ? 'Overview — Faultline' : `${incident} — Faultline`;
  }, [incident]);
  const page =
    session === undefined
      ? h('p', null, 'Loading…')
      : incident !== undefined
        ? h(IncidentPage, { id: incident, admin: session.role === 'admin' })
        : h(OverviewPage, null);
  return h('div', null, [
    h('header', null, [
      h('h1', null, h('a', { href: '/' }, 'Faultline')),
      session === undefined
        ? null
        : h('form', { method: 'post', action: '/sign-out', class: 'who' }, [
            h('span', null, `${session.name} (${session.role})`),
            h('button', { type: 'submit' }, 'Sign out'),
          ]),
    ]),
    h('main', { id: 'main' }, page),
  ]);
}

const root = document.getElementById('app');
if (root !== null) {
  root.textContent = '';
  render(h(App, null), root);
}
