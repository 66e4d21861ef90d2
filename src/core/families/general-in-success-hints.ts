/** How a success response may hold an error in a dialect no family knows (kept apart so the capture gate loads no family code). */
import type { SuccessHints } from './family.ts';

/**
 * Cheap hints. Anywhere: an error-ish key holding an object, a text or a list; a non-empty error list or a bulk
 * `errors: true`. At the top of the envelope: a false success flag, a failure word in a status field, a non-zero
 * result code as the first member (`{"code": "1", …}`, `{"retCode": 10006, …}`). The case variants are spelled out (`Error`, `ERROR`,
 * `Success`): a case-insensitive scan of every success body would cost several times more.
 */
export const generalSuccessHints: SuccessHints = {
  body: /"(?:[Ee]rror|ERROR|[Ff]ault|[Ee]xception|[Ee]rror_?[Ii]nfo|[Ee]rror_?[Dd]etails)"\s*:\s*[{"[]|"(?:[Ee]rrors|[Ff]ailures|[Ff]aults)"\s*:\s*(?:\[\s*[{"]|true)/,
  head: /"(?:[Ss]uccess|ok|[Ii]s_?[Ss]uccess|[Ss]ucceeded)"\s*:\s*false|"(?:[Ss]tatus|[Rr]esult|[Ss]tate|[Oo]utcome)"\s*:\s*"(?:[Ee]rror|ERROR|[Ff]ail|FAIL|[Ff]ailed|FAILED|[Ff]ailure|FAILURE|[Ff]ault|ko|KO|nok|NOK)"|^\s*\{\s*"(?:code|[Rr]et_?[Cc]ode|[Ee]rr_?[Cc]ode|errno|[Ee]rror_?[Cc]ode|[Rr]esult_?[Cc]ode|[Rr]eturn_?[Cc]ode|[Ss]tatus_?[Cc]ode|rc)"\s*:\s*"?-?[1-9]/,
  header: /^x-(?:[a-z0-9]+-)*error(?:-code|-type|-message)?$/,
};
