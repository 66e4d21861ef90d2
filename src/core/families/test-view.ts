import { headerMap } from '../exchange.ts';
import { parseJson } from '../json.ts';
import type { BodyView } from './family.ts';

export interface ViewOptions {
  readonly status?: number;
  readonly mime?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The view the pipeline would hand a family for this response body (tests only). */
export function bodyView(body: string, options: ViewOptions = {}): BodyView {
  const first = body.trimStart()[0];
  return {
    status: options.status ?? 400,
    mime: options.mime ?? 'application/json',
    headers: headerMap(Object.entries(options.headers ?? {}).map(([name, value]) => ({ name, value }))),
    text: body,
    json: first === '{' || first === '[' ? parseJson(body) : undefined,
    url: 'https://api.example.test/v1/things',
  };
}
