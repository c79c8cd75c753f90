import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'

/**
 * A GraphQL validation rule refusing queries nested deeper than `depth`, reported as a validation
 * error (HTTP 400) rather than thrown, which graphql-http answers with a 500.
 */
export const graphQLDepthLimit = (depth: number) =>
  maxDepthRule({
    n: depth,
    propagateOnRejection: false,
    onReject: [(context, error) => context?.reportError(error)],
  })
