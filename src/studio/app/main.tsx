/** Browser entry of the studio page (src/studio/app/index.html). */
import { createRoot } from 'react-dom/client';
import './registry';
import { StudioApp } from './StudioApp';
import './studio.css';

const container = document.getElementById('studio-root');
if (!container) throw new Error('src/studio/app/index.html has no #studio-root element.');
createRoot(container).render(<StudioApp />);
