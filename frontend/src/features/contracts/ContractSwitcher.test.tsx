import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ContractSwitcher } from './ContractSwitcher';

const contracts = [
  { id: 'a', number: 'Н-3-67/44-АФ' },
  { id: 'b', number: 'Н-3-71/12-АФ' },
  { id: 'c', number: 'Н-9-01/07-АФ' },
];

describe('the contract switcher', () => {
  it('shows one button per contract number, the shown one pressed', () => {
    render(<ContractSwitcher contracts={contracts} selectedId="b" onSelect={() => undefined} />);
    const group = screen.getByRole('group', { name: 'Choose a contract' });
    expect(group).toBeInTheDocument();
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['№Н-3-67/44-АФ', '№Н-3-71/12-АФ', '№Н-9-01/07-АФ']);
    expect(screen.getByRole('button', { name: 'Н-3-71/12-АФ' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Н-3-67/44-АФ' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('switches by click and by keyboard', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<ContractSwitcher contracts={contracts} selectedId="a" onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: 'Н-3-71/12-АФ' }));
    expect(onSelect).toHaveBeenLastCalledWith('b');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Н-9-01/07-АФ' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('c');
  });

  it('marks a contract that arrived while the page was open', () => {
    render(<ContractSwitcher contracts={contracts} selectedId="a" newIds={new Set(['c'])} onSelect={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Н-9-01/07-АФ New' })).toBeInTheDocument();
  });
});
