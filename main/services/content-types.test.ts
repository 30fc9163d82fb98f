import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentTypeOf } from './content-types.ts';

describe('contentTypeOf', () => {
  it('types the renderer’s files by extension, in any case, text as UTF-8', () => {
    assert.equal(contentTypeOf('/dist/renderer/index.html'), 'text/html; charset=utf-8');
    assert.equal(contentTypeOf('assets/index-3f2a.JS'), 'text/javascript; charset=utf-8');
    assert.equal(contentTypeOf('fonts/inter.woff2'), 'font/woff2');
  });

  it('serves anything else as opaque bytes', () => {
    for (const file of ['archive.zip', 'no-extension', 'index.html.bak', '.html']) assert.equal(contentTypeOf(file), 'application/octet-stream', file);
  });
});
