/** A short "Browser · OS" for lists of signed-in devices; the raw string is unreadable. */
export function describeUserAgent(ua: string): { browser: string; os: string } {
  const browser =
    match(ua, [
      [/Edg\//, 'Edge'],
      [/OPR\/|Opera/, 'Opera'],
      [/YaBrowser\//, 'Yandex Browser'],
      [/Firefox\//, 'Firefox'],
      [/HeadlessChrome\//, 'Chrome (headless)'],
      [/Chrome\/|CriOS\//, 'Chrome'],
      [/Chromium\//, 'Chromium'],
      [/Safari\//, 'Safari'],
      [/curl\//, 'curl'],
      [/python/i, 'Python'],
    ]) ?? '';
  const os =
    match(ua, [
      [/Windows/, 'Windows'],
      [/Android/, 'Android'],
      [/iPhone|iPad|iOS/, 'iOS'],
      [/Mac OS X|Macintosh/, 'macOS'],
      [/CrOS/, 'ChromeOS'],
      [/Linux/, 'Linux'],
    ]) ?? '';
  return { browser, os };
}

function match(ua: string, table: [RegExp, string][]): string | null {
  for (const [pattern, name] of table) if (pattern.test(ua)) return name;
  return null;
}
