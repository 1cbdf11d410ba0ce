/** One drafted update: its text, and for admins an edit → publish flow with lint findings inline. */
import { h, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { publish, type Finding, type Update } from './api.js';

interface Props {
  readonly incidentId: string;
  readonly update: Update;
  readonly admin: boolean;
  readonly onPublished: () => void;
}

/** An update card. */
export function UpdateEditor(props: Props): ComponentChild {
  const u = props.update;
  const [text, setText] = useState(u.text);
  const [findings, setFindings] = useState<readonly Finding[]>([]);
  const [message, setMessage] = useState('');
  const id = `upd-${u.stage}-${u.voice}`;
  const canPublish = props.admin && u.voice === 'public';
  const submit = (e: Event): void => {
    e.preventDefault();
    setMessage('Publishing…');
    publish(props.incidentId, u.stage, text === u.text ? undefined : text).then(
      (r) => {
        if (r.kind === 'published') {
          setFindings([]);
          setMessage('Published.');
          props.onPublished();
        } else {
          setFindings(r.findings);
          setMessage(r.message);
        }
      },
      (err: unknown) => setMessage(String(err)),
    );
  };
  const status =
    u.published_at === null ? 'draft' : `published ${u.published_at.slice(11, 19)} UTC`;
  return h('article', { class: 'update', 'data-stage': u.stage, 'data-voice': u.voice }, [
    h('h4', null, `${u.stage} · ${u.voice} · ${status}`),
    canPublish
      ? h('form', { onSubmit: submit }, [
          h('label', { for: id }, `Text of the ${u.stage} update`),
          h('textarea', {
            id,
            rows: 4,
            value: text,
            // Lint findings describe the text they refused, and mark it invalid until fixed.
            'aria-invalid': findings.length > 0,
            'aria-describedby': findings.length > 0 ? `${id}-findings` : undefined,
            onInput: (e: Event) => setText((e.currentTarget as HTMLTextAreaElement).value),
          }),
          h('button', { type: 'submit' }, u.published_at === null ? 'Publish' : 'Publish again'),
        ])
      : h('p', { class: 'update-text' }, u.text),
    message === '' ? null : h('p', { role: 'status', class: 'publish-message' }, message),
    findings.length === 0
      ? null
      : h(
          'ul',
          { class: 'findings', id: `${id}-findings`, 'aria-label': 'Lint findings' },
          findings.map((f) =>
            h(
              'li',
              null,
              `${f.severity}: ${f.message}${f.excerpt === undefined ? '' : ` (“${f.excerpt}”)`}`,
            ),
          ),
        ),
  ]);
}
