import 'antd/dist/reset.css';
import './designer.css';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { App } from './App';

// A data router, so an editor with unsaved changes can be asked before leaving the page (useBlocker).
const router = createBrowserRouter([{ path: '*', element: <App /> }], { basename: '/designer' });

createRoot(document.getElementById('root')!).render(<RouterProvider router={router} />);
