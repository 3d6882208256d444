import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/renderWithProviders';
import { OpenTaskField } from './OpenTaskField';

function OpenedTask() {
  return <p>opened {useParams().taskInstanceId}</p>;
}

const routes = [
  { path: '/', element: <OpenTaskField /> },
  { path: '/tasks/:taskInstanceId', element: <OpenedTask /> },
];

describe('Open task by id', () => {
  it('rejects "abc" inline and goes nowhere', async () => {
    const { router } = renderWithProviders(routes);
    const field = screen.getByRole('textbox', { name: 'Open task by id' });
    await userEvent.type(field, 'abc{Enter}');

    expect(screen.getByText('Task id must be a positive whole number')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.pathname).toBe('/');
  });

  it('rejects ids beyond a Java Long', async () => {
    const { router } = renderWithProviders(routes);
    await userEvent.type(screen.getByRole('textbox', { name: 'Open task by id' }), '99999999999999999999{Enter}');
    expect(screen.getByText(/at most 9223372036854775807/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('opens a valid id', async () => {
    const { router } = renderWithProviders(routes);
    await userEvent.type(screen.getByRole('textbox', { name: 'Open task by id' }), ' 35000312 ');
    await userEvent.click(screen.getByRole('button', { name: 'Open task' }));
    expect(await screen.findByText('opened 35000312')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/tasks/35000312');
  });
});
