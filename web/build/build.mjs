// Builds web/target/site: the patient's form (index.html, one CSS file with only the USWDS packages
// the form uses, one JS bundle with the API's own JSON Schema compiled to a validator at build time
// (no eval in the browser, so the CSP needs no 'unsafe-eval') and the API's own
// patient-messages.json), the coordinators' console (console/index.html, its own CSS and JS bundle,
// with the questionnaire definition and the rule set's red-flag texts), the patient's post-block
// diary (diary/index.html, its CSS and JS bundle, with only the questionnaire's movement and region
// words), and the font files the CSS uses.
import { mkdir, readFile, writeFile, copyFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import * as sass from 'sass';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { movementWords } from '../src/diary/model.js';
import { apiBase as checkedApiBase, emergencyNumber as checkedEmergencyNumber, consoleAuth } from './settings.mjs';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(web, 'target/site');
const generated = join(web, 'target/generated');
const engineResources = resolve(web, '../functions/triage-engine/src/main/resources/io/spineintake/triage');
export const schemaFile = join(engineResources, 'intake-form.schema.json');
export const messagesFile = join(engineResources, 'patient-messages.json');
export const rulesFile = join(engineResources, 'rules/facet-rules.json');

// the settings first: a wrong one fails before anything is built
const apiBase = checkedApiBase(process.env.API_BASE);
const emergency = checkedEmergencyNumber(process.env.EMERGENCY_NUMBER, JSON.parse(await readFile(messagesFile, 'utf8')).emergencyNumber);
const signIn = consoleAuth(process.env.COGNITO_DOMAIN, process.env.COGNITO_CLIENT_ID);

const started = Date.now();
await rm(out, { recursive: true, force: true });
await mkdir(join(out, 'assets/fonts'), { recursive: true });
await mkdir(join(out, 'console'), { recursive: true });
await mkdir(join(out, 'diary'), { recursive: true });
await mkdir(generated, { recursive: true });

// 1. the validator, from the very schema file the API loads
const schema = JSON.parse(await readFile(schemaFile, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false, code: { source: true, esm: true } });
addFormats(ajv, ['date', 'email']);
const validate = ajv.compile(schema);
await writeFile(join(generated, 'validate-form.js'), standaloneCode(ajv, validate));

// 2. styles
const uswds = join(web, 'node_modules/@uswds/uswds/packages');
const compile = (file) => sass.compile(join(web, file), {
  loadPaths: [uswds], style: 'compressed', quietDeps: true, silenceDeprecations: ['import', 'global-builtin'],
}).css;
const css = compile('src/styles/site.scss');
await writeFile(join(out, 'assets/site.css'), css);
const consoleCss = compile('src/styles/console.scss');
await writeFile(join(out, 'assets/console.css'), consoleCss);
const diaryCss = compile('src/styles/diary.scss');
await writeFile(join(out, 'assets/diary.css'), diaryCss);
const fonts = [...`${css}${consoleCss}${diaryCss}`.matchAll(/url\("?fonts\/([^")]+\.woff2)"?\)/g)].map((m) => m[1]);
for (const font of new Set(fonts)) {
  await mkdir(dirname(join(out, 'assets/fonts', font)), { recursive: true });
  await copyFile(join(web, 'node_modules/@uswds/uswds/dist/fonts', font), join(out, 'assets/fonts', font));
}
const images = [...`${css}${consoleCss}${diaryCss}`.matchAll(/url\("?img\/([^")]+)"?\)/g)].map((m) => m[1]);
await mkdir(join(out, 'assets/img'), { recursive: true });
for (const image of new Set(images)) {
  // some icons USWDS names (an external-link mark) are not shipped and not used here
  if (!existsSync(join(web, 'node_modules/@uswds/uswds/dist/img', image))) continue;
  await mkdir(dirname(join(out, 'assets/img', image)), { recursive: true });
  await copyFile(join(web, 'node_modules/@uswds/uswds/dist/img', image), join(out, 'assets/img', image));
}

// 3. script
await esbuild.build({
  entryPoints: [join(web, 'src/app/main.js')],
  bundle: true, minify: true, format: 'esm', target: 'es2020', legalComments: 'none',
  outfile: join(out, 'assets/app.js'),
  // the messages file itself (esbuild's JSON loader; only the properties main.js imports are bundled)
  alias: { 'generated:validate-form': join(generated, 'validate-form.js'), 'generated:patient-messages': messagesFile },
});
// the console: the questionnaire (to read the patient's answers back as the form asked them) and
// the rule set's red-flag texts (esbuild's JSON loader: only hardStops and urgentFlags are bundled)
await esbuild.build({
  entryPoints: [join(web, 'src/console/main.js')],
  bundle: true, minify: true, format: 'esm', target: 'es2020', legalComments: 'none',
  outfile: join(out, 'assets/console.js'),
  alias: { 'generated:rules': rulesFile },
});

// the diary: the questionnaire's own words for the movements and regions (not the whole definition)
const definition = JSON.parse(await readFile(join(web, 'questionnaire/intake.json'), 'utf8'));
await writeFile(join(generated, 'diary-words.json'), JSON.stringify({ movements: movementWords(definition), regions: definition.regionNames }));
await esbuild.build({
  entryPoints: [join(web, 'src/diary/main.js')],
  bundle: true, minify: true, format: 'esm', target: 'es2020', legalComments: 'none',
  outfile: join(out, 'assets/diary.js'),
  alias: { 'generated:diary-words': join(generated, 'diary-words.json') },
});

// 4. page; in AWS the API is on its own origin: API_BASE (the stack's ApiUrl) is written into the
// page, and the clinic's emergency number (EMERGENCY_NUMBER, the stack's EmergencyNumber)
const meta = (html, file) => (name, value) => {
  const empty = `<meta name="${name}" content="">`;
  if (!html.includes(empty)) throw new Error(`${file} has no ${empty}`);
  return (page) => page.replace(empty, `<meta name="${name}" content="${value}">`);
};
const html = await readFile(join(web, 'src/index.html'), 'utf8');
const formMeta = meta(html, 'src/index.html');
const page = [formMeta('api-base', apiBase), formMeta('emergency-number', emergency)].reduce((p, f) => f(p), html);
await writeFile(join(out, 'index.html'), page);
// the console's settings: the API, and in AWS the Hosted UI and app client (COGNITO_DOMAIN,
// COGNITO_CLIENT_ID); without them the console uses the local runner's development sign-in
const consoleHtml = await readFile(join(web, 'src/console/index.html'), 'utf8');
const consoleMeta = meta(consoleHtml, 'src/console/index.html');
const consolePage = [consoleMeta('api-base', apiBase), consoleMeta('auth', signIn.mode), consoleMeta('cognito-domain', signIn.domain),
  consoleMeta('cognito-client-id', signIn.clientId)].reduce((p, f) => f(p), consoleHtml);
await writeFile(join(out, 'console/index.html'), consolePage);
// the diary's page: the API only (the capability is in the page's fragment, never in the page)
const diaryHtml = await readFile(join(web, 'src/diary/index.html'), 'utf8');
await writeFile(join(out, 'diary/index.html'), meta(diaryHtml, 'src/diary/index.html')('api-base', apiBase)(diaryHtml));
console.log(`web build: target/site in ${Date.now() - started} ms (emergency number ${emergency}; console sign-in ${signIn.mode}; fonts: ${[...new Set(fonts)].join(', ')}; images: ${new Set(images).size})`);
