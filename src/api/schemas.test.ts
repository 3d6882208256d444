import { describe, expect, it } from 'vitest';
import { Envelope, parseTaskId, TaskInstance, TaskPage, type SubtaskInstanceWire, type TaskInstanceWire } from './schemas';

const subtask = (over: Partial<SubtaskInstanceWire> & { id: number | string }): SubtaskInstanceWire => ({
  name: `step ${over.id}`,
  status: 'SUCCESSFUL',
  operation: 'EXECUTE',
  ...over,
});

const task = (over: Partial<TaskInstanceWire> = {}): TaskInstanceWire => ({
  id: 35000312,
  name: 'Reinstall OCP agent',
  status: 'SUCCESSFUL',
  operation: 'EXECUTE',
  type: 'MANUAL',
  subtasks: [],
  ...over,
});

describe('TaskInstance', () => {
  it("accepts the server's spellings and normalises ids to strings", () => {
    const t = TaskInstance.parse(task({ subtasks: [subtask({ id: 2, seriesId: 0, parallelIdx: 3, upstreams: [1], downstreams: [3] })] }));
    expect(t.id).toBe('35000312');
    expect(t.subtasks[0]).toMatchObject({ id: '2', parallelIdx: 3, upstreams: ['1'], downstreams: ['3'] });
  });

  it("accepts the vendor page's spellings paralleIdx and downstream", () => {
    const t = TaskInstance.parse(task({ subtasks: [subtask({ id: 2, paralleIdx: 1, downstream: [7] })] }));
    expect(t.subtasks[0]).toMatchObject({ parallelIdx: 1, downstreams: ['7'] });
    expect(t.subtasks[0]).not.toHaveProperty('paralleIdx');
    expect(t.subtasks[0]).not.toHaveProperty('downstream');
  });

  it('prefers the server spelling when both are present', () => {
    const t = TaskInstance.parse(
      task({ subtasks: [subtask({ id: 2, parallelIdx: 4, paralleIdx: 1, downstreams: [8], downstream: [7] })] }),
    );
    expect(t.subtasks[0]).toMatchObject({ parallelIdx: 4, downstreams: ['8'] });
  });

  it('fills defaults for absent optional fields', () => {
    const t = TaskInstance.parse({ id: 1, name: 'x', status: 'FAILED', operation: 'EXECUTE' });
    expect(t).toMatchObject({ prohibitRollback: false, subtasks: [], subtasksListed: false });
    expect(TaskInstance.parse(task({ subtasks: [] })).subtasksListed).toBe(true);
    expect(t.cluster).toBeUndefined();
    const s = TaskInstance.parse(task({ subtasks: [subtask({ id: 5 })] })).subtasks[0]!;
    expect(s).toMatchObject({ description: 'step 5', parallelIdx: -1, upstreams: [], downstreams: [], prohibitRollback: false });
    expect(s.startTime).toBeUndefined();
  });

  it('sorts subtasks by seriesId, then numerically by id (they arrive in random order)', () => {
    const t = TaskInstance.parse(
      task({
        subtasks: [
          subtask({ id: 10, seriesId: 2 }),
          subtask({ id: 9, seriesId: 0 }),
          subtask({ id: '100', seriesId: 1 }),
          subtask({ id: 12 }),
          subtask({ id: 11 }),
        ],
      }),
    );
    expect(t.subtasks.map((s) => s.id)).toEqual(['9', '100', '10', '11', '12']);
  });

  it('keeps Long ids above 2^53 exact when sent as strings', () => {
    const t = TaskInstance.parse(task({ id: '9007199254740993' }));
    expect(t.id).toBe('9007199254740993');
  });

  it('maps the SYS_ONECE typo to SYS_ONCE and lets unknown types through', () => {
    expect(TaskInstance.parse(task({ type: 'SYS_ONECE' })).type).toBe('SYS_ONCE');
    expect(TaskInstance.parse(task({ type: 'SOMETHING_NEW' })).type).toBe('SOMETHING_NEW');
  });

  it('rejects malformed replies naming the field', () => {
    const bad = TaskInstance.safeParse(task({ subtasks: [subtask({ id: 1 }), { ...subtask({ id: 2 }), status: 'EXPLODED' as 'FAILED' }] }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['subtasks', 1, 'status']);

    const badDate = TaskInstance.safeParse(task({ startTime: 'yesterday' }));
    expect(badDate.error?.issues[0]?.path).toEqual(['startTime']);

    const numericStatus = TaskInstance.safeParse({ ...task(), status: 2 });
    expect(numericStatus.error?.issues[0]?.path).toEqual(['status']);

    const badId = TaskInstance.safeParse(task({ id: 'abc' }));
    expect(badId.error?.issues[0]?.path).toEqual(['id']);
  });
});

describe('TaskPage and Envelope', () => {
  it('parses a page with 1-based numbering', () => {
    const p = TaskPage.parse({
      contents: [
        {
          id: 1,
          name: 'a',
          status: 'RUNNING',
          operation: 'EXECUTE',
          subtasks: [{ id: 2, name: 'b', status: 'READY', operation: 'EXECUTE' }],
        },
      ],
      page: { number: 1, size: 10, totalElements: 1, totalPages: 1 },
    });
    expect(p.contents[0]?.id).toBe('1');
    expect(p.page.number).toBe(1);
  });

  it('parses success and failure envelopes (no data key when data is null)', () => {
    expect(Envelope.parse({ status: 200, successful: true, traceId: 't' }).data).toBeUndefined();
    const e = Envelope.parse({ status: 400, successful: false, error: { code: 20003, message: 'no' } });
    expect(e.error).toEqual({ code: 20003, message: 'no' });
  });
});

describe('parseTaskId', () => {
  it.each([
    ['42', '42'],
    ['007', '7'],
    ['9223372036854775807', '9223372036854775807'],
  ])('accepts %s', (raw, id) => expect(parseTaskId(raw)).toBe(id));

  it.each(['abc', '-1', '0', '1.5', '', ' 1', '9223372036854775808', '99999999999999999999', '1e3'])('rejects %j', (raw) =>
    expect(parseTaskId(raw)).toBeNull(),
  );
});
