import { describe, expect, it } from 'vitest';
import { catalogs } from './index';

type Tree = { readonly [key: string]: string | Tree };

/** Flattens a catalog to `a.b.c → text`. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('translation catalogs', () => {
  const fr = flatten(catalogs.fr);
  const en = flatten(catalogs.en);

  it('has every French key in English and every English key in French', () => {
    const onlyFr = [...fr.keys()].filter((k) => !en.has(k));
    const onlyEn = [...en.keys()].filter((k) => !fr.has(k));
    expect({ onlyFr, onlyEn }).toEqual({ onlyFr: [], onlyEn: [] });
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const mismatches = [...fr].filter(([key, text]) => {
      const other = en.get(key);
      return other !== undefined && placeholders(text).join() !== placeholders(other).join();
    });
    expect(mismatches).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = [...fr, ...en].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('detects a key missing from one language (the check itself can fail)', () => {
    const broken = flatten({ ...catalogs.en, extra: { only: 'here' } });
    expect([...broken.keys()].filter((k) => !fr.has(k))).toEqual(['extra.only']);
  });
});
