import type { FieldError } from '../core/model.ts';
import { testIds } from './testids.ts';
import { visibleText } from '../core/visible-text.ts';

interface FieldErrorsTableProps {
  readonly errors: readonly FieldError[];
  /** Each surface styles the table its own way (the panel's details, the popup's card). */
  readonly class: string;
  /** The popup names the table here; the panel does it in the heading of its section. */
  readonly caption?: string;
}

/** A decoded error's field errors, one row each. They are response data: text only, invisible characters shown. */
export function FieldErrorsTable({ errors, class: className, caption }: FieldErrorsTableProps) {
  return (
    <table class={className} data-testid={testIds.fieldErrorsTable}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Message</th>
          <th scope="col">Code</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((field, i) => (
          <tr key={i}>
            <td>
              <code>{visibleText(field.path)}</code>
            </td>
            <td>{visibleText(field.message)}</td>
            <td>
              <code>{visibleText(field.code ?? '')}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
