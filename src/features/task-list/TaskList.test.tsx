import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BasicTaskInstanceWire } from '../../api/schemas';
import { mockFetch, okEnvelope } from '../../test/fetchMock';
import { basicTask, taskPage } from '../../test/listFixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { TaskList } from './TaskList';

const task = basicTask;
const page = (contents: BasicTaskInstanceWire[], totalElements = contents.length) => taskPage(contents, 1, 20, totalElements);

// Clicks through Mantine's comboboxes take seconds on a loaded 2-core machine: more than Vitest's default 5 s.
describe('TaskList', { timeout: 20_000 }, () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders a row per task from OCP’s envelope, with links and the shared status wording', async () => {
    mockFetch(() => [
      200,
      okEnvelope(
        page([
          task(35000312, { status: 'SUCCESSFUL', operation: 'ROLLBACK', name: '<img src=x onerror=alert(1)>' }),
          task(1001, { cluster: { id: 1, name: 'prod-cluster' } }),
        ]),
      ),
    ]);
    renderWithProviders(<TaskList />);

    await screen.findByRole('link', { name: '1001' });
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2
    const first = within(rows[1]!);
    expect(first.getByRole('link', { name: '35000312' })).toHaveAttribute('href', '/tasks/35000312');
    // Names are text, never markup.
    expect(first.getByRole('link', { name: '<img src=x onerror=alert(1)>' })).toHaveAttribute('href', '/tasks/35000312');
    // In the Status column, and under the name for phones (CSS shows one of them).
    expect(first.getAllByText('Rolled back')).toHaveLength(2);
    expect(screen.getByRole('columnheader', { name: 'Cluster' })).toBeInTheDocument();
    expect(screen.getByText('prod-cluster')).toBeInTheDocument();
    expect(screen.getByText('1–2 of 2 tasks')).toBeInTheDocument();
  });

  it('sends the status filter as OCP’s comma list and keeps it in the URL', async () => {
    const { requestedUrls } = mockFetch(() => [200, okEnvelope(page([task(1)]))]);
    const { location, history } = renderWithProviders(<TaskList />);
    await screen.findByRole('link', { name: '1' });
    expect(requestedUrls()[0]?.searchParams.get('status')).toBeNull();
    expect(requestedUrls()[0]?.searchParams.get('page')).toBe('1');

    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Failed' }));
    // The dropdown stays open for more picks.
    await userEvent.click(await screen.findByRole('option', { name: 'Running' }));
    // A rollback state is asked for by its raw status: no new OCP filter.
    await userEvent.click(await screen.findByRole('option', { name: 'Rollback failed' }));

    await waitFor(() => expect(location().search).toBe('?status=RUNNING%2CFAILED%2CROLLBACK_FAILED'));
    expect(requestedUrls().at(-1)?.searchParams.get('status')).toBe('RUNNING,FAILED');
    // Each status pick is its own history entry, so Back undoes it.
    expect(history).toEqual(['/', '/?status=FAILED', '/?status=RUNNING%2CFAILED', '/?status=RUNNING%2CFAILED%2CROLLBACK_FAILED']);
  });

  it('orders by a column when its header is clicked: sent to OCP, kept in the URL, said by aria-sort', async () => {
    const { requestedUrls } = mockFetch(() => [200, okEnvelope(page([task(1)]))]);
    const { location } = renderWithProviders(<TaskList />, { url: '/?page=2' });
    await screen.findByRole('link', { name: '1' });
    expect(requestedUrls()[0]?.searchParams.get('sort')).toBe('id,desc');
    expect(screen.getByRole('columnheader', { name: 'ID' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'Started' })).not.toHaveAttribute('aria-sort');

    await userEvent.click(screen.getByRole('button', { name: 'Started' }));
    await waitFor(() => expect(requestedUrls().at(-1)?.searchParams.get('sort')).toBe('startTime,desc'));
    // Another order starts again at page 1.
    expect(location().search).toBe('?sort=startTime%2Cdesc');
    expect(screen.getByRole('columnheader', { name: 'Started' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'ID' })).not.toHaveAttribute('aria-sort');

    await userEvent.click(screen.getByRole('button', { name: 'Started' }));
    await waitFor(() => expect(requestedUrls().at(-1)?.searchParams.get('sort')).toBe('startTime,asc'));
    expect(screen.getByRole('columnheader', { name: 'Started' })).toHaveAttribute('aria-sort', 'ascending');

    // Back to the default order: nothing left in the URL.
    await userEvent.click(screen.getByRole('button', { name: 'ID' }));
    await waitFor(() => expect(requestedUrls().at(-1)?.searchParams.get('sort')).toBe('id,desc'));
    expect(location().search).toBe('');
  });

  it('asks OCP for a rollback state by its raw status and says how many rows of the page it hid', async () => {
    const { requestedUrls } = mockFetch(() => [
      200,
      okEnvelope(
        page(
          [
            task(3, { status: 'SUCCESSFUL' }),
            task(2, { status: 'SUCCESSFUL', operation: 'ROLLBACK' }),
            task(1, { status: 'SUCCESSFUL', operation: 'RETRY' }),
          ],
          45,
        ),
      ),
    ]);
    renderWithProviders(<TaskList />, { url: '/?status=ROLLED_BACK' });

    await screen.findByRole('link', { name: '2' });
    expect(requestedUrls()[0]?.searchParams.get('status')).toBe('SUCCESSFUL');
    expect(screen.queryByRole('link', { name: '3' })).toBeNull();
    expect(screen.queryByRole('link', { name: '1' })).toBeNull();
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent('1 of 3 tasks on this page match “Rolled back”');
    expect(notice).toHaveTextContent('OCP can only filter by “Successful”: 2 other tasks are hidden here');
    // The pages stay OCP's: the range counts what it sent.
    expect(screen.getByText('1–3 of 45 tasks')).toBeInTheDocument();
  });

  it('“Successful” means not rolled back; several choices are one phrase', async () => {
    const { requestedUrls } = mockFetch(() => [
      200,
      okEnvelope(
        page([
          task(4, { status: 'SUCCESSFUL', operation: 'ROLLBACK' }),
          task(3, { status: 'SUCCESSFUL' }),
          task(2, { status: 'FAILED', operation: 'ROLLBACK' }),
          task(1, { status: 'FAILED' }),
        ]),
      ),
    ]);
    renderWithProviders(<TaskList />, { url: '/?status=SUCCESSFUL,ROLLBACK_FAILED' });

    await screen.findByRole('link', { name: '3' });
    expect(requestedUrls()[0]?.searchParams.get('status')).toBe('FAILED,SUCCESSFUL');
    expect(screen.getByRole('link', { name: '2' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '4' })).toBeNull();
    expect(screen.queryByRole('link', { name: '1' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('2 of 4 tasks on this page match “Rollback failed” or “Successful”');
    expect(screen.getByRole('status')).toHaveTextContent('OCP can only filter by “Failed” or “Successful”');
  });

  it('a page with no match says the matches may be on other pages, and goes to the next one', async () => {
    const { requestedUrls } = mockFetch((url) => [
      200,
      okEnvelope(
        taskPage(
          url.searchParams.get('page') === '2' ? [task(7, { status: 'RUNNING', operation: 'ROLLBACK' })] : [task(9, { status: 'RUNNING' })],
          Number(url.searchParams.get('page')),
          1,
          2,
        ),
      ),
    ]);
    const { location } = renderWithProviders(<TaskList />, { url: '/?status=ROLLING_BACK&size=10' });

    expect(await screen.findByText('No task on this page matches')).toBeInTheDocument();
    expect(requestedUrls()[0]?.searchParams.get('status')).toBe('RUNNING');
    expect(screen.getByRole('status')).toHaveTextContent('0 of 1 task on this page matches “Rolling back”');
    await userEvent.click(screen.getByRole('button', { name: 'Go to the next page' }));
    expect(await screen.findByRole('link', { name: '7' })).toBeInTheDocument();
    expect(location().search).toBe('?status=ROLLING_BACK&page=2&size=10');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('hides nothing, and says nothing, when every row matches', async () => {
    mockFetch(() => [200, okEnvelope(page([task(2, { status: 'FAILED' }), task(1, { status: 'FAILED', operation: 'ROLLBACK' })]))]);
    renderWithProviders(<TaskList />, { url: '/?status=FAILED,ROLLBACK_FAILED' });
    await screen.findByRole('link', { name: '2' });
    expect(screen.getByRole('link', { name: '1' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('debounces the name filter into the request and the URL', async () => {
    const { requestedUrls } = mockFetch(() => [200, okEnvelope(page([task(1)]))]);
    const { location, history } = renderWithProviders(<TaskList />, { url: '/?page=3' });
    await screen.findByRole('link', { name: '1' });

    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'backup');
    await waitFor(() => expect(requestedUrls().at(-1)?.searchParams.get('name')).toBe('backup'));
    // One request for the whole word, not one per keystroke; a new filter starts at page 1.
    expect(requestedUrls().filter((u) => u.searchParams.has('name'))).toHaveLength(1);
    expect(location().search).toBe('?name=backup');
    expect(history).toHaveLength(1); // typing replaces the entry instead of adding one
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('backup');
  });

  it('says when nothing matches and clears the filters', async () => {
    const { requestedUrls } = mockFetch((url) => [200, okEnvelope(page(url.searchParams.has('status') ? [] : [task(5)]))]);
    const { location } = renderWithProviders(<TaskList />, { url: '/?status=RUNNING&name=zzz' });

    expect(await screen.findByText('No tasks match these filters')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('zzz');
    await userEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);

    expect(await screen.findByRole('link', { name: '5' })).toBeInTheDocument();
    expect(location().search).toBe('');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(requestedUrls().at(-1)?.searchParams.has('name')).toBe(false);
  });

  it('shows OCP’s error with a Retry that asks again', async () => {
    let fail = true;
    const { spy } = mockFetch(() =>
      fail
        ? [503, { status: 503, successful: false, error: { message: 'OCP is restarting' }, traceId: 't-1' }]
        : [200, okEnvelope(page([task(9)]))],
    );
    renderWithProviders(<TaskList />);

    expect(await screen.findByText('OCP server error (HTTP 503)')).toBeInTheDocument();
    expect(screen.getByText('OCP is restarting')).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: '9' })).toBeInTheDocument();
    expect(spy).toHaveBeenCalledTimes(2);
  });
});
