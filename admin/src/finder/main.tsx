import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FinderApp } from './FinderApp';
import './finder.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FinderApp />
  </StrictMode>,
);
