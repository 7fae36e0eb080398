// graphql-http's GraphQL-over-HTTP server audits against a running endpoint, printed as JSON
// (one entry per audit: id, name, status ok|notice|warn|error, and why it failed).
// Usage: node scripts/graphql-http-audit.mjs http://127.0.0.1:8000/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node scripts/graphql-http-audit.mjs <graphql url>');
  process.exit(2);
}

const results = [];
// One after another: the server under test shares two cores with everything else.
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  const entry = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    entry.reason = result.reason;
    entry.httpStatus = result.response?.status;
  }
  results.push(entry);
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
