import type { z } from 'zod';
import type { Contract, MethodName, MethodResult } from '../../../preload/contract/index.ts';
import type { ApiCore } from './api-core.ts';

/** A contract method's implementation: arguments already parsed, permission already checked. */
export type Handler<M extends MethodName> = (core: ApiCore, args: z.output<Contract[M]['args']>) => Promise<MethodResult<M>> | MethodResult<M>;

export type HandlerTable<Ms extends MethodName> = { readonly [M in Ms]: Handler<M> };
