import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeLabel, REPORT_TEXT, reportFormats } from './report-text.ts';

test('money is formatted from minor units exactly, up to the safe integer limit', () => {
  const en = reportFormats('en');
  // Intl puts a no-break space after a currency code. 2^53 − 1 fils is 9,007,199,254,740.991 KWD; a float division gives …740.990 (the nearest double is …740.99023).
  assert.equal(en.money(Number.MAX_SAFE_INTEGER, 'KWD'), 'KWD\u00a09,007,199,254,740.991');
  assert.equal(en.money(-12_345, 'KWD'), '-KWD\u00a012.345');
  assert.equal(en.money(5, 'CNY'), 'CN¥0.05');
  assert.equal(reportFormats('zh-CN').money(Number.MAX_SAFE_INTEGER, 'CNY'), '¥90,071,992,547,409.91');
  // JPY has no minor unit: 1,234 minor units are ¥1,234.
  assert.equal(reportFormats('zh-CN').money(1_234, 'JPY'), 'JP¥1,234');
});

test('percentages, counts and dates per language', () => {
  const en = reportFormats('en');
  const zh = reportFormats('zh-CN');
  assert.equal(en.percent(1.384), '138.4%');
  assert.equal(en.percent(0.0412, 2), '4.12%');
  assert.equal(en.percent(null), '—');
  assert.equal(en.count(1_482_113), '1,482,113');
  assert.equal(en.date('2026-11-30'), '30 Nov 2026');
  assert.equal(zh.date('2026-11-30'), '2026年11月30日');
  assert.equal(en.dateTime('2026-11-30T18:05:00.000Z'), '30 Nov 2026 18:05 UTC');
});

test('codes show as labels in each language, and an unknown code as itself', () => {
  assert.equal(codeLabel(REPORT_TEXT.en.codes.dispositions, 'confirmed_fraud'), 'Confirmed fraud');
  assert.equal(codeLabel(REPORT_TEXT['zh-CN'].codes.dispositions, 'confirmed_fraud'), '确认欺诈');
  assert.equal(codeLabel(REPORT_TEXT['zh-CN'].codes.scenarios, 'combined'), '综合压力');
  assert.equal(codeLabel(REPORT_TEXT.en.codes.scenarios, 'deposit_flight'), 'deposit_flight');
  // An inherited property name is a code like any other, not a label.
  assert.equal(codeLabel(REPORT_TEXT.en.codes.severities, 'constructor'), 'constructor');
});
