import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route, Switch } from 'wouter';
import { renderWithProviders } from '../test/renderWithProviders';
import { OpenTaskField } from './OpenTaskField';

const app = (
  <Switch>
    <Route path="/">
      <OpenTaskField />
    </Route>
    <Route path="/tasks/:taskInstanceId">{(params) => <p>opened {params.taskInstanceId}</p>}</Route>
  </Switch>
);

describe('Open task by id', () => {
  it('rejects "abc" inline and goes nowhere', async () => {
    const { location } = renderWithProviders(app);
    const field = screen.getByRole('textbox', { name: 'Open task by id' });
    await userEvent.type(field, 'abc{Enter}');

    expect(screen.getByText('Task id must be a positive whole number')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(location().pathname).toBe('/');
  });

  it('rejects ids beyond a Java Long', async () => {
    const { location } = renderWithProviders(app);
    await userEvent.type(screen.getByRole('textbox', { name: 'Open task by id' }), '99999999999999999999{Enter}');
    expect(screen.getByText(/at most 9223372036854775807/)).toBeInTheDocument();
    expect(location().pathname).toBe('/');
  });

  it('opens a valid id, as a new history entry', async () => {
    const { location, history } = renderWithProviders(app);
    await userEvent.type(screen.getByRole('textbox', { name: 'Open task by id' }), ' 35000312 ');
    await userEvent.click(screen.getByRole('button', { name: 'Open task' }));
    expect(await screen.findByText('opened 35000312')).toBeInTheDocument();
    expect(location().pathname).toBe('/tasks/35000312');
    expect(history).toEqual(['/', '/tasks/35000312']);
  });
});
