import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

let broken = true;
function Fragile() {
  if (broken) throw new Error('layout exploded');
  return <p>graph is fine</p>;
}

// No router: the fallback links home only when asked to (backLink), so it must render without one.
const page = (resetKey?: string) => (
  <MantineProvider env="test">
    <p>header still here</p>
    <ErrorBoundary region="graph" resetKey={resetKey}>
      <Fragile />
    </ErrorBoundary>
  </MantineProvider>
);

describe('ErrorBoundary', () => {
  beforeEach(() => {
    broken = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('contains the failure to its region and recovers on "Try again"', async () => {
    render(page());
    expect(screen.getByText('header still here')).toBeInTheDocument();
    expect(screen.getByText('The graph failed to render')).toBeInTheDocument();
    expect(screen.getByText('layout exploded')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('The graph failed to render')).toBeInTheDocument(); // still broken: caught again

    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('graph is fine')).toBeInTheDocument();
  });

  it('clears the error when its resetKey changes, and not before', () => {
    const { rerender } = render(page('a'));
    broken = false;
    rerender(page('a'));
    expect(screen.getByText('The graph failed to render')).toBeInTheDocument();
    rerender(page('b'));
    expect(screen.getByText('graph is fine')).toBeInTheDocument();
  });

  it('offers a reload instead of a re-render when asked (a page whose code failed to download)', () => {
    render(
      <MantineProvider env="test">
        <ErrorBoundary region="page" reload>
          <Fragile />
        </ErrorBoundary>
      </MantineProvider>,
    );
    expect(screen.getByText('The page failed to render')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
