import { render, screen } from '@testing-library/react';
import { Suspense, use } from 'react';
import { describe, expect, it } from 'vitest';
import { trackPromise } from './trackPromise';

function Reader({ promise }: { promise: Promise<string> }) {
  return <p>{use(promise)}</p>;
}

const show = (promise: Promise<string>) =>
  render(
    <Suspense fallback={<p>loading</p>}>
      <Reader promise={promise} />
    </Suspense>,
  );

describe('trackPromise', () => {
  it('lets use() read a settled promise at once, without a fallback', async () => {
    const tracked = trackPromise(Promise.resolve('tracked'));
    await tracked;
    show(tracked);
    // An untracked promise, even a settled one, would show "loading" here first.
    expect(screen.getByText('tracked')).toBeInTheDocument();
  });

  it('records a rejection for use() to throw, without an unhandled rejection', async () => {
    const failure = new Error('chunk missing');
    const tracked = trackPromise(Promise.reject(failure));
    await new Promise((r) => setTimeout(r, 0));
    expect(tracked).toMatchObject({ status: 'rejected', reason: failure });
  });
});
