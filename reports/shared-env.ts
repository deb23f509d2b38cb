/**
 * One template environment per output kind, made on first use and shared by
 * every renderer of a batch.
 */
import { createTemplateEnv, type OutputKind, type TemplateEnv } from './template-env.ts';

const envs = new Map<OutputKind, Promise<TemplateEnv>>();

/**
 * Get the shared environment of an output kind.
 *
 * @param kind
 *   `html` or `md`.
 * @returns
 *   The environment.
 */
export function getTemplateEnv(kind: OutputKind): Promise<TemplateEnv> {
  let env = envs.get(kind);
  if (!env) {
    env = createTemplateEnv(kind);
    envs.set(kind, env);
  }
  return env;
}
