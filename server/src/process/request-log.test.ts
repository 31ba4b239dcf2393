import { describe, expect, it } from 'vitest';
import { loggableUrl } from './request-log.ts';

describe('the URL a request line logs', () => {
  it.each([
    ['/api/v1/health', '/api/v1/health'],
    ['/api/v1/audit?action=post.&format=csv', '/api/v1/audit?action=*&format=*'],
    ['/wall?kiosk=eyJhbGciOiJIUzI1NiJ9.e30.sig', '/wall?kiosk=*'],
    ['/wall#kiosk=eyJhbGciOiJIUzI1NiJ9.e30.sig', '/wall'],
    ['/wall?x=1#kiosk=eyJhbGciOiJIUzI1NiJ9.e30.sig', '/wall?x=*'],
    // A name that is not a plain name could be the secret itself.
    ['/wall?eyJhbGciOiJIUzI1NiJ9.e30.sig', '/wall?*'],
    ['/wall?a-very-long-parameter-name-over-32=1&ok=2', '/wall?*&ok=*'],
    ['/wall?', '/wall'],
  ])('%s logs as %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });
});
