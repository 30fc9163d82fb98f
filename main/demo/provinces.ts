import { weightedTable } from './random.ts';

/**
 * Mainland provincial-level divisions, weighted by population (2020 census, millions). `incomeFactor` scales
 * incomes around the national median (coastal and tier-1 higher); `riskShift` is a small regional effect on
 * repayment (the north-east's older, shrinking economy slightly worse, the richest regions slightly better),
 * kept small so that region is a weak feature, as it is in practice.
 */
interface Province {
  readonly name: string;
  readonly population: number;
  readonly incomeFactor: number;
  readonly riskShift: number;
}

const PROVINCES: readonly Province[] = [
  { name: 'Guangdong', population: 126.0, incomeFactor: 1.2, riskShift: -0.05 },
  { name: 'Shandong', population: 101.5, incomeFactor: 1.0, riskShift: 0 },
  { name: 'Henan', population: 99.4, incomeFactor: 0.85, riskShift: 0.05 },
  { name: 'Jiangsu', population: 84.7, incomeFactor: 1.25, riskShift: -0.1 },
  { name: 'Sichuan', population: 83.7, incomeFactor: 0.9, riskShift: 0.05 },
  { name: 'Hebei', population: 74.6, incomeFactor: 0.9, riskShift: 0.05 },
  { name: 'Hunan', population: 66.4, incomeFactor: 0.9, riskShift: 0.05 },
  { name: 'Zhejiang', population: 64.6, incomeFactor: 1.3, riskShift: -0.1 },
  { name: 'Anhui', population: 61.0, incomeFactor: 0.9, riskShift: 0 },
  { name: 'Hubei', population: 57.8, incomeFactor: 0.95, riskShift: 0 },
  { name: 'Guangxi', population: 50.1, incomeFactor: 0.8, riskShift: 0.1 },
  { name: 'Yunnan', population: 47.2, incomeFactor: 0.8, riskShift: 0.1 },
  { name: 'Jiangxi', population: 45.2, incomeFactor: 0.85, riskShift: 0.05 },
  { name: 'Liaoning', population: 42.6, incomeFactor: 0.95, riskShift: 0.15 },
  { name: 'Fujian', population: 41.5, incomeFactor: 1.1, riskShift: -0.05 },
  { name: 'Shaanxi', population: 39.5, incomeFactor: 0.9, riskShift: 0.05 },
  { name: 'Guizhou', population: 38.6, incomeFactor: 0.8, riskShift: 0.1 },
  { name: 'Shanxi', population: 34.9, incomeFactor: 0.85, riskShift: 0.05 },
  { name: 'Chongqing', population: 32.1, incomeFactor: 0.95, riskShift: 0 },
  { name: 'Heilongjiang', population: 31.9, incomeFactor: 0.8, riskShift: 0.15 },
  { name: 'Xinjiang', population: 25.9, incomeFactor: 0.85, riskShift: 0.1 },
  { name: 'Gansu', population: 25.0, incomeFactor: 0.75, riskShift: 0.1 },
  { name: 'Shanghai', population: 24.9, incomeFactor: 1.7, riskShift: -0.15 },
  { name: 'Jilin', population: 24.1, incomeFactor: 0.85, riskShift: 0.15 },
  { name: 'Inner Mongolia', population: 24.0, incomeFactor: 0.95, riskShift: 0.05 },
  { name: 'Beijing', population: 21.9, incomeFactor: 1.7, riskShift: -0.15 },
  { name: 'Tianjin', population: 13.9, incomeFactor: 1.15, riskShift: 0 },
  { name: 'Hainan', population: 10.1, incomeFactor: 0.95, riskShift: 0.05 },
  { name: 'Ningxia', population: 7.2, incomeFactor: 0.85, riskShift: 0.05 },
  { name: 'Qinghai', population: 5.9, incomeFactor: 0.85, riskShift: 0.05 },
  { name: 'Tibet', population: 3.6, incomeFactor: 0.85, riskShift: 0.05 },
];

export const PROVINCE_TABLE = weightedTable(PROVINCES.map((p) => [p, p.population] as const));
