import { describe, expect, it } from 'vitest';
import { COLUMNS, columnPrefsFrom, defaultColumnPrefs, layoutColumns } from './columns.tsx';

const ids = (available: number, detailsOpen = false, prefs = defaultColumnPrefs) => layoutColumns(prefs, available, detailsOpen).shown.map((c) => c.id);

describe('column layout', () => {
  it('shows every column on a wide panel (DevTools docked bottom, 1400 px)', () => {
    expect(ids(1385)).toEqual(COLUMNS.map((c) => c.id));
  });

  it('keeps Name, Status, Message and Retry at the default right dock (about 590 px), folding Time, Method and Format first', () => {
    const shown = ids(575);
    expect(shown).toEqual(expect.arrayContaining(['name', 'status', 'message', 'retry']));
    expect(shown).not.toContain('time');
    expect(shown).not.toContain('method');
    expect(shown).not.toContain('format');
  });

  it('never folds Message or Retry, however narrow', () => {
    expect(ids(200)).toEqual(['name', 'status', 'message', 'retry']);
  });

  it('keeps Name, Status and Message with the details pane open', () => {
    expect(ids(1385, true)).toEqual(['name', 'status', 'message']);
  });

  it('makes the grid from the columns shown, with the widths the user dragged', () => {
    const { template } = layoutColumns({ widths: { status: 70 }, hidden: ['time', 'method', 'format', 'code'] }, 1000, false);
    expect(template).toBe('minmax(60px, 150px) 70px minmax(80px, 1fr) 100px');
  });

  it('reads stored prefs defensively: unknown columns, Name/Message hidden, silly widths', () => {
    expect(columnPrefsFrom({ widths: { status: 5, code: 'wide', gone: 100 }, hidden: ['name', 'message', 'code', 'gone'] })).toEqual({
      widths: { status: 40 },
      hidden: ['code'],
    });
    expect(columnPrefsFrom('nonsense')).toEqual(defaultColumnPrefs);
  });
});
