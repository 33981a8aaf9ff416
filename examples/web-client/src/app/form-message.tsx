/**
 * @module
 * What a form says after it was sent: a status when it went through, an alert when it did not.
 */

/** A form's last word: whether it went through, and what to tell the person. */
export interface FormOutcome {
  ok: boolean;
  text: string;
}

/** The form's message, announced politely when it went through and at once when it did not. */
export function FormMessage({ message }: { message: FormOutcome | undefined }) {
  if (!message) return null;
  return (
    <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
}
