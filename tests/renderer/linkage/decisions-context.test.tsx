// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecisionsRepository } from '../../../src/renderer/src/linkage/decisions-repository';
import { DecisionsProvider, useDecisions } from '../../../src/renderer/src/linkage/DecisionsContext';
import { freshDatabase } from '../notes/fixtures';
import { notesSetup } from '../notes/notes-setup';

let seen: DecisionsRepository[] = [];

function Probe({ label }: { label: string }) {
  seen.push(useDecisions());
  return <p>{label}</p>;
}

describe('useDecisions', () => {
  it('gives every component one repository over the notes database of the window', () => {
    seen = [];
    const { repository, wrapper } = notesSetup();
    render(
      <>
        <Probe label="one" />
        <Probe label="two" />
      </>,
      { wrapper },
    );
    expect(screen.getByText('two')).toBeTruthy();
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]?.db).toBe(repository.db);
  });

  it('uses the repository a provider gives, without an API provider', () => {
    seen = [];
    const given = new DecisionsRepository(freshDatabase().db);
    render(
      <DecisionsProvider repository={given}>
        <Probe label="given" />
      </DecisionsProvider>,
    );
    expect(seen[0]).toBe(given);
  });
});
