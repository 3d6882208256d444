import { describe, expect, it } from 'vitest';
import { taskIdProblem } from './taskIdProblem';

describe('taskIdProblem', () => {
  it('accepts positive Java Longs', () => {
    expect(taskIdProblem('1')).toBeNull();
    expect(taskIdProblem(' 35000312 ')).toBeNull();
    expect(taskIdProblem('9223372036854775807')).toBeNull();
  });

  it('names the problem', () => {
    expect(taskIdProblem('')).toBe('Enter a task id');
    expect(taskIdProblem('abc')).toBe('Task id must be a positive whole number');
    expect(taskIdProblem('-1')).toBe('Task id must be a positive whole number');
    expect(taskIdProblem('1.5')).toBe('Task id must be a positive whole number');
    expect(taskIdProblem('0')).toBe('Task id must be 1 or more');
    expect(taskIdProblem('9223372036854775808')).toMatch(/at most 9223372036854775807/);
    expect(taskIdProblem('99999999999999999999')).toMatch(/at most/);
    expect(taskIdProblem('00000000000000000000001')).toBe('Task id must have at most 19 digits');
  });
});
