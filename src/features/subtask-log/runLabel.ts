import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/formatting';
import type { LogRun } from './logModel';

/** "Execute", "Retry 2", "Rollback 3": the run's operation, numbered by its place in the log after the first. */
export function runLabel(t: TFunction<'log'>, run: LogRun): string {
  const operation = run.operation ? t(`op.${run.operation}`, { defaultValue: run.operation }) : t('op.none');
  return run.index > 1 ? t('runNumbered', { operation, index: run.index }) : operation;
}

export function runTime(run: LogRun): string {
  return run.time ? formatDateTime(run.time) : '';
}
