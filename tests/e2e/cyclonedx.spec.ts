import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';

const FILLED = readFileSync('tests/fixtures/filled-card.json', 'utf8');
const VECTOR = readFileSync(join(__dirname, '../../../shared/corpus/cyclonedx/valid-machine-learning-1.6.json'), 'utf8');

// Each check starts the Python library, which takes seconds on a busy machine.
test.describe.configure({ timeout: 120_000 });

/**
 * What the official cyclonedx-python-lib (in .venv, made by scripts/setup.sh) says of a
 * BOM with its strict validator for CycloneDX 1.6: null when it is valid.
 */
function validate(text: string): string | null {
  const file = join(mkdtempSync(join(tmpdir(), 'cyclonedx-')), 'bom.cdx.json');
  writeFileSync(file, text);
  const out = execFileSync('.venv/bin/python', ['tests/python/validate_bom.py', '1.6', file], { encoding: 'utf8' });
  return JSON.parse(out)[file];
}

test('the Download menu writes a CycloneDX ML-BOM that the official library accepts', async ({ page, studio }) => {
  await studio.importFile('filled-card.json', FILLED);
  const toolbar = page.locator('.editor-toolbar');
  const bom = await studio.download('Download CycloneDX ML-BOM (JSON)', toolbar);
  expect(bom.name).toBe('imageclassifier-1.0.cdx.json');
  const parsed = JSON.parse(bom.text);
  expect([parsed.bomFormat, parsed.specVersion]).toEqual(['CycloneDX', '1.6']);
  const model = parsed.components[0];
  expect([model.type, model.name, model.version]).toEqual(['machine-learning-model', 'ImageClassifier', '1.0']);
  expect(model.modelCard.quantitativeAnalysis.performanceMetrics[2]).toEqual({
    type: 'accuracy',
    value: '0.81',
    slice: 'lighting=night',
    confidenceInterval: { lowerBound: '0.78', upperBound: '0.84' },
  });
  expect(validate(bom.text)).toBeNull();
  // A broken BOM is refused by the same validator, so the check above can fail.
  expect(validate(bom.text.replace('"machine-learning-model"', '"model"'))).toContain("'model' is not one of");

  const report = page.getByTestId('transfer-report');
  await expect(report.getByRole('heading')).toHaveText('Downloaded imageclassifier-1.0.cdx.json');
  await expect(report).toContainText('they are written as modelcard: properties of the model card');
});

test('a BOM opens as a card and downloads again with everything it had', async ({ page, studio }) => {
  await studio.importFile('stable-diffusion.cdx.json', VECTOR);
  const report = page.getByTestId('transfer-report');
  await expect(report.getByRole('heading')).toHaveText('Imported stable-diffusion.cdx.json (a CycloneDX ML-BOM)');
  await expect(report).toContainText('1 model card(s) from a CycloneDX 1.6 BOM: stable-diffusion 1.4');
  await expect(studio.field('Name')).toHaveValue('stable-diffusion');
  await expect(studio.field('Version')).toHaveValue('1.4');
  await expect(studio.metricName(1)).toHaveValue('The type of performance metric');

  const bom = await studio.download('Download CycloneDX ML-BOM (JSON)', page.locator('.editor-toolbar'));
  const parsed = JSON.parse(bom.text);
  const original = JSON.parse(VECTOR);
  expect(parsed.serialNumber).toBe(original.serialNumber);
  const model = parsed.components[0];
  expect([model['bom-ref'], model.group, model.publisher]).toEqual(['component-a', 'CompVis', 'Acme Inc']);
  const names = model.modelCard.properties.map((p: { name: string }) => p.name);
  expect(names).toEqual(expect.arrayContaining(['modelcard:custom-property', 'modelcard:another-custom-property']));
  expect(model.modelCard.quantitativeAnalysis.graphics).toEqual(original.components[0].modelCard.quantitativeAnalysis.graphics);
  expect(validate(bom.text)).toBeNull();
});

test('a BOM with two models opens two drafts; a broken BOM is refused with the path of the problem', async ({ page, studio }) => {
  const two = JSON.parse(VECTOR);
  two.components.push({ ...two.components[0], 'bom-ref': 'component-b', name: 'second-model' });
  await studio.importFile('two.cdx.json', JSON.stringify(two));
  // The notice says how many drafts (its text is tested natively); the report stays.
  await expect(page.getByTestId('transfer-report')).toContainText('The BOM holds 2 models; each opens as its own draft');
  await expect(studio.field('Name')).toHaveValue('stable-diffusion');
  await studio.goToLibrary();
  await expect(studio.libraryRow('stable-diffusion')).toHaveCount(1);
  await expect(studio.libraryRow('second-model')).toHaveCount(1);
  await studio.openFromLibrary('stable-diffusion');

  const broken = JSON.parse(VECTOR);
  broken.components[0].modelCard.modelParameters.approach.type = 'guessing';
  await studio.importFile('broken.cdx.json', JSON.stringify(broken));
  await expect(studio.error).toContainText(
    'Could not import broken.cdx.json. Not a valid CycloneDX 1.6 BOM: $.components[0].modelCard.modelParameters.approach.type: "guessing" is not one of',
  );
  await expect(studio.error).toContainText('Your current card is unchanged.');
  await expect(studio.field('Name')).toHaveValue('stable-diffusion');
});
