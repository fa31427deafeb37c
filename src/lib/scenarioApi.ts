// The scenario API's runtime values, typed as src/sim/script/ipcscope.d.ts documents them: the
// same objects the loader provides to scenario files as the module 'ipcscope'.
import type * as Api from '../sim/script/ipcscope';
import { scenario as makeScenario } from '../sim/script/runtime';
import * as servers from '../sim/uxrt/servers';

export const scenario: typeof Api.scenario = makeScenario;
export const ramfs: typeof Api.ramfs = servers.ramfs;
export const consoleServer: typeof Api.consoleServer = servers.consoleServer;
export const pipeServer: typeof Api.pipeServer = servers.pipeServer;
export const nullServer: typeof Api.nullServer = servers.nullServer;
export const upperFilter: typeof Api.upperFilter = servers.upperFilter;
