import { useState } from 'react';
import { updateLog, type LogModel } from './logModel';

/**
 * The parsed log for the latest text, derived during render (React's pattern for state that follows a
 * prop): a poll that only appended lines costs only the new lines.
 */
export function useLogModel(text: string | undefined): LogModel | undefined {
  const [model, setModel] = useState<LogModel | undefined>(undefined);
  if (text !== undefined && model?.text !== text) {
    const next = updateLog(model, text);
    setModel(next);
    return next;
  }
  return model;
}
