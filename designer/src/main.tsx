import 'antd/dist/reset.css';
import './designer.css';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { ErrorPage } from '@oneseal/runtime/web';
import { App } from './App';

// A data router, so an editor with unsaved changes can be asked before leaving the page (useBlocker).
// What fails outside a page's own boundary (the frame, the menu) still ends on a page in Chinese.
const router = createBrowserRouter(
  [
    {
      path: '*',
      element: <App />,
      errorElement: <ErrorPage home="/designer/" onRetry={() => window.location.reload()} />,
    },
  ],
  { basename: '/designer' },
);

createRoot(document.getElementById('root')!).render(<RouterProvider router={router} />);
