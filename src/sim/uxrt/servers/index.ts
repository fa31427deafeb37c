// The built-in file servers, exported to scenarios from the module 'ipcscope'.
export { consoleServer } from './console';
export { nullServer } from './nullzero';
export { pipeServer } from './pipe';
export { ramfs } from './ramfs';
export { upperFilter } from './upper';
