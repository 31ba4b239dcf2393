import { describe, expect, it } from 'vitest';
import { gateFor } from './route-access.ts';

describe('screen gates', () => {
  it('asks a wall to pair and a person to sign in', () => {
    expect(gateFor('/wall', null)).toBe('pair');
    expect(gateFor('/console', null)).toBe('sign-in');
    expect(gateFor('/replay', null)).toBe('sign-in');
  });
  it('keeps a wall token off the console, and lets staff see the wall', () => {
    expect(gateFor('/console', 'wall')).toBe('wrong-role');
    expect(gateFor('/console', 'duty')).toBe('open');
    expect(gateFor('/wall', 'commander')).toBe('open');
    expect(gateFor('/nowhere', null)).toBe('open');
  });
});
