export const DEFAULT_QUERY = `# Shanyraq GraphQL API
#
# Partner developers: explore the schema with the Docs button on the left.
# Queries and mutations go by POST to /graphql; subscriptions use the
# graphql-transport-ws protocol on the same path.
#
# To act as an account, sign in with the sessionLogin mutation and paste
#   { "Authorization": "Bearer <accessToken>" }
# into the Headers tab below. Press the run button (Ctrl+Enter) to try:

{
  passwordPolicy {
    minLength
    maxLength
    rules {
      code
      description
    }
  }
}
`;
