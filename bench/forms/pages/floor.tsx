// The floor: one React-controlled <input> in the same page shell, timed by the same harness. What a keystroke costs
// the browser itself here (input handling, one frame), which no form renderer can go below.
import 'antd/dist/reset.css';
import '../../../portal/src/portal.css';
import { useState } from 'react';
import { TARGET_TITLE } from './generate';
import { install } from './harness';

let current = '';

function Floor() {
  const [value, setValue] = useState('');
  current = value;
  return <input aria-label={TARGET_TITLE} value={value} onChange={(event) => setValue(event.target.value)} />;
}

install({
  label: 'floor',
  render: () => (
    <main className="os-page">
      <Floor />
    </main>
  ),
  countFields: () => document.querySelectorAll('input').length,
  target: () => document.querySelector<HTMLInputElement>(`input[aria-label="${TARGET_TITLE}"]`),
  value: () => current,
});
