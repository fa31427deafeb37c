// The app's entry: the engine in a worker behind a SimClient, one store, the React tree.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppStore } from './store/createAppStore';
import { AppStoreProvider } from './store/AppStoreProvider';
import { startApp } from './startup';
import { startFocusHistory } from './focusHistory';
import { installTestHooks } from './testHooks';
import { WorkerSimClient } from '../worker/workerSimClient';
import { createLessonPlayer } from './lessons/lessonPlayer';
import { embedOptions, startTeaching } from './lessons/startTeaching';
import { TeachingProvider } from './lessons/TeachingProvider';
import { createTeachingStore } from './lessons/teachingStore';
import { initialTheme } from './presenter/theme';
import { registerServiceWorker } from './offline/registerServiceWorker';
import './theme.css';
import './layout.css';

const client = new WorkerSimClient();
const store = createAppStore(client);
installTestHooks(store);
const teachingStore = createTeachingStore(
  initialTheme(window.location.search),
  embedOptions(window.location.search),
);
const teaching = { store: teachingStore, player: createLessonPlayer(store, teachingStore) };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <TeachingProvider teaching={teaching}>
        <App />
      </TeachingProvider>
    </AppStoreProvider>
  </StrictMode>,
);

startApp(store, client, window.location, window.history);
startFocusHistory(store, window);
startTeaching(store, teaching, window.location, window.history);
registerServiceWorker();
