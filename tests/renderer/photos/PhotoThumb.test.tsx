import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../src/renderer/src/i18n/i18n';
import { PhotoThumb } from '../../../src/renderer/src/photos/PhotoThumb';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

describe('PhotoThumb', () => {
  it('shows the thumbnail, or says the photo was kept on the other machine when it is not here', () => {
    render(<PhotoThumb sha256={'a'.repeat(64)} page={0} alt="Photo 1" />);
    const image = screen.getByRole('img', { name: 'Photo 1' });
    expect(image.getAttribute('src')).toContain(`/photos/${'a'.repeat(64)}/thumb`);
    fireEvent.error(image);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('Photo 1: photo kept on the other machine')).toBeTruthy();
  });
});
