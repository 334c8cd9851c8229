/* eslint-disable @typescript-eslint/no-explicit-any -- resolver args arrive already coerced by graphql-js against the real schema; their shapes are the schema's, not re-declared here */
import {
  getNamedType,
  getDirectiveValues,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from "graphql";
import type { Ctx } from "./context";
import { typeResolvers } from "./types";
import { queryResolvers } from "./query";
import { mutationResolvers } from "./mutation";
import { connection, requirePageSize } from "./connection";
import { guardField } from "./guard";

const roots: Record<string, Record<string, (src: unknown, args: any, ctx: Ctx) => unknown>> = {
  QueryRoot: queryResolvers,
  Mutation: mutationResolvers,
};

/** One resolver for every field: explicit resolvers first, then the plain property; arrays become connections. */
export function makeFieldResolver(schema: GraphQLSchema): GraphQLFieldResolver<unknown, Ctx> {
  const idempotent = schema.getDirective("idempotent");
  return (source, args, ctx, info) => {
    const parent = info.parentType.name;
    // access scopes and protected customer data first: a refused field is never resolved
    guardField(info, ctx);
    const own = roots[parent]?.[info.fieldName] ?? typeResolvers[parent]?.[info.fieldName];
    if (parent === "Mutation" && idempotent) {
      const v = getDirectiveValues(idempotent, info.fieldNodes[0]!, info.variableValues) as { key?: string } | undefined;
      ctx.idempotencyKey = v?.key ?? null;
    }
    let value: unknown;
    if (own) value = own(source, args, ctx);
    else if (parent === "QueryRoot" || parent === "Mutation") value = undefined;
    else value = source && typeof source === "object" ? (source as Record<string, unknown>)[info.fieldName] : undefined;
    if (typeof value === "function") value = (value as (a: unknown, c: Ctx) => unknown)(args, ctx);
    const named = getNamedType(info.returnType);
    if (named.name.endsWith("Connection") && Array.isArray(value)) {
      const problem = requirePageSize(args);
      if (problem) throw new Error(problem);
      return connection(value, args);
    }
    return value;
  };
}

export const typeResolver: GraphQLTypeResolver<unknown, Ctx> = (value, ctx) => {
  if (value && typeof value === "object") {
    const t = (value as { __typename?: string }).__typename ?? ctx.typeOf.get(value);
    if (t) return t;
  }
  return undefined;
};
