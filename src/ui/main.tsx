// The app's entry: the engine in a worker behind a SimClient, one store, the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppStore } from './store/createAppStore';
import { AppStoreProvider } from './store/AppStoreProvider';
import { startApp } from './startup';
import { installTestHooks } from './testHooks';
import { WorkerSimClient } from '../worker/workerSimClient';
import './theme.css';
import './layout.css';

const client = new WorkerSimClient();
const store = createAppStore(client);
installTestHooks(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);

startApp(store, client, window.location, window.history);
