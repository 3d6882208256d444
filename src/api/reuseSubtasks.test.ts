import { describe, expect, it } from 'vitest';
import { makeTask, wireSubtasks } from '../test/taskFixtures';
import { keepRawReply, rawReplyOf } from './rawReply';
import { reuseUnchangedSubtasks } from './reuseSubtasks';

const specs = [
  { id: 1, status: 'SUCCESSFUL' as const },
  { id: 2, status: 'RUNNING' as const, ups: [1] },
  { id: 3, status: 'PENDING' as const, ups: [2] },
];

describe('reuseUnchangedSubtasks (structural sharing of a polled task)', () => {
  it('keeps the object on screen for every unchanged subtask and the new one for a changed one', () => {
    const before = makeTask({ status: 'RUNNING', subtasks: wireSubtasks(specs) });
    const after = makeTask({
      status: 'RUNNING',
      subtasks: wireSubtasks([specs[0]!, { ...specs[1]!, status: 'SUCCESSFUL' }, { ...specs[2]!, status: 'RUNNING' }]),
    });
    const changed = after.subtasks.slice(1);
    const shared = reuseUnchangedSubtasks(before, after);
    expect(shared).toBe(after);
    expect(after.subtasks[0]).toBe(before.subtasks[0]);
    expect(after.subtasks.slice(1)).toEqual(changed);
    expect(after.subtasks[1]).not.toBe(before.subtasks[1]);
    expect(after.subtasks.map((s) => s.status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL', 'RUNNING']);
  });

  it('finds each unchanged subtask by id when the order moved, a new subtask among them', () => {
    const before = makeTask({ status: 'RUNNING', subtasks: wireSubtasks(specs) });
    const after = makeTask({ status: 'RUNNING', subtasks: wireSubtasks([...specs, { id: 4, status: 'PENDING' }]) });
    after.subtasks.reverse();
    reuseUnchangedSubtasks(before, after);
    expect(after.subtasks.map((s) => s.id)).toEqual(['4', '3', '2', '1']);
    expect(after.subtasks[1]).toBe(before.subtasks[2]);
    expect(after.subtasks[2]).toBe(before.subtasks[1]);
    expect(after.subtasks[3]).toBe(before.subtasks[0]);
  });

  it('sees a change in any field, id lists included, and a field that appeared', () => {
    const base = makeTask({ subtasks: wireSubtasks(specs) });
    const variants = [
      { ...specs[0]!, wire: { runTime: 2 } },
      { ...specs[0]!, wire: { downstreams: [3] } },
      { ...specs[0]!, wire: { executor: '10.0.0.2:8080' } },
      { ...specs[0]!, wire: { finishTime: undefined } },
    ];
    for (const variant of variants) {
      const next = makeTask({ subtasks: wireSubtasks([variant, specs[1]!, specs[2]!]) });
      reuseUnchangedSubtasks(base, next);
      expect(next.subtasks[0], JSON.stringify(variant.wire)).not.toBe(base.subtasks[0]);
      expect(next.subtasks[1]).toBe(base.subtasks[1]);
    }
  });

  it('keeps the reply bytes with the task on screen, and leaves another task or a first reply alone', () => {
    const before = makeTask({ subtasks: wireSubtasks(specs) });
    const after = makeTask({ subtasks: wireSubtasks(specs) });
    const bytes = new TextEncoder().encode('{"data":{}}');
    keepRawReply(after, bytes);
    expect(rawReplyOf(reuseUnchangedSubtasks(before, after) as object)).toBe(bytes);

    const other = makeTask({ id: 2002, subtasks: wireSubtasks(specs) });
    reuseUnchangedSubtasks(before, other);
    expect(other.subtasks[0]).not.toBe(before.subtasks[0]);
    expect(reuseUnchangedSubtasks(undefined, after)).toBe(after);
  });
});
