import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchTaskInstance } from '../../../api/taskInstance';
import { okEnvelope } from '../../../test/fetchMock';
import { renderWithProviders } from '../../../test/renderWithProviders';
import { makeTask, wireTask } from '../../../test/taskFixtures';
import { ExportMenu } from './ExportMenu';
import { createGraphSnapshotSource } from './snapshotSource';

afterEach(() => vi.restoreAllMocks());

/** Captures what the menu hands to the browser as a download. */
function captureDownloads() {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href) as Blob });
  });
  return saved;
}

async function openMenu() {
  await userEvent.click(screen.getByRole('button', { name: 'Export' }));
  return screen.findByRole('menu');
}

describe('ExportMenu', () => {
  it('saves the task as the bytes OCP sent', async () => {
    const sent = JSON.stringify(okEnvelope(wireTask({ id: 1001 })), null, 1);
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(sent, { status: 200 }));
    const task = await fetchTaskInstance('1001');
    const saved = captureDownloads();
    renderWithProviders(<ExportMenu task={task} snapshot={createGraphSnapshotSource()} graphShown />);
    await openMenu();
    await userEvent.click(screen.getByRole('menuitem', { name: /Task as JSON/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toBe('task_1001.json');
    expect(await saved[0]?.blob.text()).toBe(sent);
  });

  it('offers no JSON for a task that is not OCP’s reply, and no graph while none is shown', async () => {
    renderWithProviders(<ExportMenu task={makeTask()} snapshot={createGraphSnapshotSource()} graphShown={false} />);
    await openMenu();
    expect(screen.getByRole('menuitem', { name: /Task as JSON/ })).toBeDisabled();
    expect(screen.getByText(/Available once OCP's reply after the last action is in/)).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Whole graph as SVG' })).toBeDisabled();
    expect(screen.getByText('Switch to the graph to export it.')).toBeInTheDocument();
  });

  it('says so when the graph is not drawn yet', async () => {
    renderWithProviders(<ExportMenu task={makeTask()} snapshot={createGraphSnapshotSource()} graphShown />);
    await openMenu();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Whole graph as SVG' }));
    expect(await screen.findByText(/The graph is not drawn yet/)).toBeInTheDocument();
    expect(screen.getByText('Export failed')).toBeInTheDocument();
  });
});
