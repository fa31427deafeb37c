// The debugger's actions (stable functions; read no data through this, as with useActions).
import { useAppStoreApi } from '../../store/AppStoreProvider';
import type { DebugSlice } from '../../store/debugSlice';

export type DebugActions = Pick<
  DebugSlice,
  | 'addCondition'
  | 'updateCondition'
  | 'setConditionEnabled'
  | 'removeCondition'
  | 'setFocusBreakpoint'
  | 'setLogpoints'
  | 'addLogpoint'
  | 'removeLogpoint'
  | 'moveLogpoints'
  | 'runDiff'
  | 'diffBranches'
  | 'fork'
  | 'switchBranch'
  | 'requestAttribution'
  | 'jumpToDiff'
>;

export function useDebugActions(): DebugActions {
  return useAppStoreApi().getState();
}
