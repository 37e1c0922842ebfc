/**
 * The embed settings a page was opened with: `?embed=1` (compact layout), `host=` (origins allowed to use
 * the postMessage API) and `controls=` (which controls the compact layout shows).
 */
import { EMBED_CONTROLS, type EmbedControl } from './snippet';
import { parseHostOrigins } from './protocol';

export interface EmbedConfig {
  embed: boolean;
  origins: string[];
  controls: Set<EmbedControl>;
  problems: string[];
}

/** Controls shown when `controls=` is absent. */
export const DEFAULT_EMBED_CONTROLS: readonly EmbedControl[] = ['slider', 'legend'];

/** Reads the embed parameters from a query string. */
export function readEmbedConfig(search: string): EmbedConfig {
  const params = new URLSearchParams(search);
  const embed = params.get('embed') === '1' || params.get('embed') === 'true';
  const { origins, problems } = parseHostOrigins(params.get('host'));
  const controls = new Set<EmbedControl>();
  const list = params.get('controls');
  for (const name of list === null ? DEFAULT_EMBED_CONTROLS : list.split(',').filter(Boolean)) {
    if ((EMBED_CONTROLS as readonly string[]).includes(name)) controls.add(name as EmbedControl);
    else problems.push(`controls: "${name}" is not one of ${EMBED_CONTROLS.join(', ')}`);
  }
  return { embed, origins, controls, problems };
}
