/**
 * Sifa widgets in React 19 without wrappers: importing a widget's module registers its tag, and
 * `@sifa/components/react` types its props and events in JSX. React 19 sets the props as the
 * element's properties (so numbers, booleans, objects and functions arrive as they are) and
 * `on<event name>` adds a listener for the widget's event.
 */
import { useState } from 'react';
import '@sifa/components/org-picker';
import '@sifa/components/notifications';
import type {} from '@sifa/components/react';

export function App({ signedIn }: { signedIn: boolean }) {
  const [office, setOffice] = useState('150402001');
  const [officeName, setOfficeName] = useState<string | null>(null);
  const [arrived, setArrived] = useState<string[]>([]);
  return (
    <main>
      <p className="demo">演示页面（DEMO）：在 React 19 页面中嵌入 Sifa Kit 组件。</p>
      <section>
        <h2>司法所</h2>
        <sifa-org-picker
          root="150402"
          label="选择司法所"
          value={office}
          required
          onsifa-org-change={(event) => {
            setOffice(event.detail.code ?? '');
            setOfficeName(event.detail.name?.zh ?? null);
          }}
        />
        <p>
          React 状态中的司法所： <output id="office">{office}</output> <output id="office-name">{officeName ?? ''}</output>
        </p>
      </section>
      {signedIn ? (
        <section>
          <h2>通知</h2>
          <sifa-notifications inline limit={5} onsifa-notification={(event) => setArrived((list) => [...list, event.detail.id])} />
          <p>
            页面打开后收到的通知： <output id="arrived">{arrived.length}</output>
          </p>
        </section>
      ) : null}
    </main>
  );
}
