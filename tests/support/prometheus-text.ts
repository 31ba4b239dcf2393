/** One sample of a scrape: a series' name, its labels and its value. */
export interface Sample {
  name: string;
  labels: Map<string, string>;
  value: number;
}

/** A /metrics answer read the way Prometheus reads it (text format 0.0.4): samples, HELP and TYPE per name. */
export interface Scrape {
  samples: Sample[];
  help: Map<string, string>;
  type: Map<string, string>;
  /** The one sample of `name` whose labels include `labels`; throws when there is none or several. */
  value(name: string, labels?: Record<string, string>): number;
  /** Every sample of `name` (histograms: `name_bucket`, `name_sum`, `name_count`). */
  all(name: string): Sample[];
}

export function parseScrape(text: string): Scrape {
  const samples: Sample[] = [];
  const help = new Map<string, string>();
  const type = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      (meta[1] === 'HELP' ? help : type).set(meta[2]!, meta[3]!);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels = new Map<string, string>();
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels.set(l[1]!, l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)));
    samples.push({ name: m[1]!, labels, value: sampleValue(m[3]!) });
  }
  const all = (name: string) => samples.filter((s) => s.name === name);
  return {
    samples,
    help,
    type,
    all,
    value(name, labels = {}) {
      const found = all(name).filter((s) => Object.entries(labels).every(([k, v]) => s.labels.get(k) === v));
      if (found.length !== 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
      return found[0]!.value;
    },
  };
}

/**
 * A sample's value as Prometheus reads it (Go's ParseFloat): a decimal number, or NaN and ±Inf in any
 * case — prom-client writes NaN as "Nan". Anything else is an error, so NaN in a test means NaN was sent.
 */
function sampleValue(text: string): number {
  if (/^[+-]?inf(inity)?$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return Number.NaN;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  throw new Error(`not a sample value: ${text}`);
}
