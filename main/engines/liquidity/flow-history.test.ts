import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { flowHistory } from './flow-history.ts';

// Products a and b selected, c not; today's balances a 10,000 + b 5,000 = 15,000 (minor units). Rows out of order.
//   date        a in/out     b in/out    summed in/out
//   2026-01-01  1000 / 500   0 / 200     1000 / 700
//   2026-01-02  0 / 1500     —           0 / 1500
//   2026-01-03  300 / 0      200 / 1000  500 / 1000
// Backwards: after 01-03 15,000; before 01-03 = 15,000 − 500 + 1000 = 15,500;
// before 01-02 = 15,500 − 0 + 1500 = 17,000; before 01-01 = 17,000 − 1000 + 700 = 16,700.
const rows = [
  { date: '2026-01-03', product: 'a', inflowMinor: 300, outflowMinor: 0 },
  { date: '2026-01-01', product: 'a', inflowMinor: 1000, outflowMinor: 500 },
  { date: '2026-01-02', product: 'c', inflowMinor: 99_999, outflowMinor: 0 },
  { date: '2026-01-01', product: 'b', inflowMinor: 0, outflowMinor: 200 },
  { date: '2026-01-02', product: 'a', inflowMinor: 0, outflowMinor: 1500 },
  { date: '2026-01-03', product: 'b', inflowMinor: 200, outflowMinor: 1000 },
];
const balances = new Map([
  ['a', 10_000],
  ['b', 5_000],
  ['c', 1_000_000],
]);

test('flowHistory sums the selected products per date and backs balances out from today', () => {
  const history = flowHistory(rows, balances, ['a', 'b'], 30);
  assert.deepEqual(history.products, ['a', 'b']);
  assert.deepEqual(history.dates, ['2026-01-01', '2026-01-02', '2026-01-03']);
  assert.equal(history.balanceMinor, 15_000);
  assert.deepEqual([...history.outflowRate], [700 / 16_700, 1500 / 17_000, 1000 / 15_500]);
  assert.deepEqual([...history.inflowRate], [1000 / 16_700, 0, 500 / 15_500]);
});

test('flowHistory gives each product its own rates on its own balance, and the notice period the parameter set gives it', () => {
  // Each product walked back alone over the same dates (a date without a row of the product is a day without flows):
  //   a: after 01-03 10,000; before 01-03 10,000 − 300 + 0 = 9,700; before 01-02 9,700 + 1500 = 11,200;
  //      before 01-01 11,200 − 1000 + 500 = 10,700.
  //   b: after 01-03 5,000; before 01-03 5,000 − 200 + 1000 = 5,800; before 01-02 5,800 (no row);
  //      before 01-01 5,800 + 200 = 6,000.
  // b is on 3 days' notice; a is not listed, so on demand; c is listed but not selected.
  const history = flowHistory(rows, balances, ['a', 'b'], 30, new Map([['b', 3], ['c', 9]]));
  assert.deepEqual(
    history.perProduct.map(({ product, noticeDays, outflowRate, inflowRate, balanceMinor }) => ({ product, noticeDays, outflowRate: [...outflowRate], inflowRate: [...inflowRate], balanceMinor })),
    [
      { product: 'a', noticeDays: 0, outflowRate: [500 / 10_700, 1500 / 11_200, 0], inflowRate: [1000 / 10_700, 0, 300 / 9_700], balanceMinor: 10_000 },
      { product: 'b', noticeDays: 3, outflowRate: [200 / 6_000, 0, 1000 / 5_800], inflowRate: [0, 0, 200 / 5_800], balanceMinor: 5_000 },
    ],
  );
  // The products together keep the rates of the first test: notice periods do not touch them.
  assert.deepEqual([...history.outflowRate], [700 / 16_700, 1500 / 17_000, 1000 / 15_500]);
});

test('flowHistory keeps the last historyDays dates, walking back from today all the same', () => {
  const history = flowHistory(rows, balances, ['a', 'b'], 2);
  assert.deepEqual(history.dates, ['2026-01-02', '2026-01-03']);
  assert.deepEqual([...history.outflowRate], [1500 / 17_000, 1000 / 15_500]);
});

test('flowHistory refuses a product without flows, without a balance, and flows that do not fit the balance', () => {
  const refused = (products: string[], balance: Map<string, number>, product: RegExp): void =>
    assert.throws(() => flowHistory(rows, balance, products, 30), (error: unknown) => error instanceof RiskDeskError && error.code === 'VALIDATION' && product.test(error.message));
  refused(['a', 'x'], new Map([...balances, ['x', 100]]), /Product x has no daily flows/);
  refused(['a', 'b'], new Map([['a', 10_000]]), /Product b has no positive investor balance/);
  refused(['a', 'b'], new Map([...balances, ['b', 0]]), /Product b has no positive/);
  refused([], balances, /at least one product/);
  // Product b alone today holds 500: before 01-03 it held 500 − 200 + 1000 = 1,300, before 01-01 still 1,300 + 200 = 1,500: fits.
  assert.equal(flowHistory(rows, new Map([['b', 500]]), ['b'], 30).outflowRate[0], 200 / 1_500);
  // Product a with 100 today: before 01-03 100 − 300 = −200: no balance to divide by.
  refused(['a'], new Map([['a', 100]]), /leaves no balance at the start of 2026-01-03/);
  // Together a (100) and b (5,000) would fit (before 01-03 5,100 − 500 + 1000 = 5,600), but a alone does not, and its own rates are needed.
  refused(['a', 'b'], new Map([['a', 100], ['b', 5_000]]), /The daily flows of a do not fit today's balances/);
});
