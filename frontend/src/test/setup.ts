import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../lib/i18n/i18n';

// Tests read the interface in English, the language a reviewer of the test output reads.
initI18n('en');

afterEach(() => {
  cleanup();
});
