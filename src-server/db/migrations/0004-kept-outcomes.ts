/**
 * A conflict is kept like a rejection, with the server's version: a desktop whose answer was lost asks again and
 * is told the same, so the person still gets to decide (a retried push is otherwise only a "duplicate").
 */
export const sql = `
  ALTER TABLE rejected_mutations ADD COLUMN outcome text NOT NULL DEFAULT 'rejected' CHECK (outcome IN ('rejected', 'conflict'));
  ALTER TABLE rejected_mutations ADD COLUMN current jsonb;
`;
