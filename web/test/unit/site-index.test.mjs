// The CloudFront viewer function of template.yaml (SiteFolderIndexFunction), run as CloudFront runs
// it: S3 behind Origin Access Control has no folder index, so without it /console/ and /diary/
// answer AccessDenied in AWS while the local runner serves them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const template = readFileSync(resolve(web, '../template.yaml'), 'utf8');

/** The FunctionCode block of SiteFolderIndexFunction: the indented lines after `FunctionCode: |`. */
function functionCode() {
  const resource = template.slice(template.indexOf('  SiteFolderIndexFunction:'));
  const lines = resource.split('\n');
  const start = lines.findIndex((l) => /^\s+FunctionCode: \|$/.test(l));
  assert.ok(start > 0, 'SiteFolderIndexFunction has an inline FunctionCode');
  const indent = lines[start + 1].match(/^\s*/)[0];
  const body = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && !line.startsWith(indent)) break;
    body.push(line.slice(indent.length));
  }
  return body.join('\n');
}

const context = vm.createContext({});
vm.runInContext(functionCode(), context);
const run = (uri) => context.handler({ request: { method: 'GET', uri, querystring: {}, headers: {} } });

test('a folder is served its index.html, as the local runner serves it', () => {
  for (const folder of ['/', '/console/', '/diary/']) {
    assert.equal(run(folder).uri, `${folder}index.html`);
  }
});

test('every folder page the build writes is reachable through the function', () => {
  for (const folder of ['/', '/console/', '/diary/']) {
    const file = resolve(web, `target/site${run(folder).uri}`);
    assert.ok(existsSync(file), `${folder} -> ${run(folder).uri} exists in target/site`);
  }
});

test('a folder asked for without its slash is sent to the slash; files pass unchanged', () => {
  const moved = run('/console');
  assert.equal(moved.statusCode, 301);
  assert.equal(moved.headers.location.value, '/console/');
  for (const file of ['/index.html', '/assets/app.js', '/assets/fonts/sourcesanspro/sourcesanspro-regular-webfont.woff2', '/console/index.html']) {
    assert.equal(run(file).uri, file);
  }
});

test('the distribution runs the function on every viewer request', () => {
  assert.match(template, /FunctionAssociations:\n\s+- EventType: viewer-request\n\s+FunctionARN: !GetAtt SiteFolderIndexFunction\.FunctionMetadata\.FunctionARN/);
});
