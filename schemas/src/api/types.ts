import type { SchemaTypes } from '../generated/schemaRefs';
import type { Answer, Method, OperationKey, Operations, ShapeName } from './operations';

/** The paths an operation of `M` has, e.g. PathsOf<'GET'> includes '/public/regions/:code/items'. */
export type PathsOf<M extends Method> = {
  [K in OperationKey]: K extends `${M} ${infer P}` ? P : never;
}[OperationKey];

/** The names of a path's `:name` segments, e.g. 'code' | 'itemCode'. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** Path parameters by name. */
export type PathParams<P extends string> = { [Name in ParamNames<P>]: string };

type Spec<M extends Method, P extends string> = Operations[`${M} ${P}` & OperationKey];
type Flags<T> = T extends Readonly<Record<string, boolean>> ? T : Record<never, boolean>;
type Required<T> = { [K in keyof T]: T[K] extends true ? K : never }[keyof T];

/** Named values where the contract marks which are required (query parameters, headers). */
type Values<T, V> = { [K in Required<T> & string]: V } & {
  [K in Exclude<keyof T, Required<T>> & string]?: V;
};

/**
 * A body sent as it is (an uploaded file). Bytes are ArrayBuffer-backed, the body type the browser's and Node's
 * fetch take, so `fetch` itself is a FetchLike (a Node Buffer goes as `new Uint8Array(buffer)`).
 */
export type FileBody = Blob | ArrayBuffer | Uint8Array<ArrayBuffer>;

type BodyOf<B> = B extends ShapeName ? SchemaTypes[B] : B extends 'file' ? FileBody : never;
type AnswerOf<A> = A extends ShapeName
  ? SchemaTypes[A]
  : A extends 'text'
    ? string
    : A extends 'file'
      ? Blob
      : never;

/** The success answer of an operation: its model type, a string (text) or a Blob (file). */
export type ResponseOf<M extends Method, P extends PathsOf<M>> = AnswerOf<
  Spec<M, P>['responses'][keyof Spec<M, P>['responses']] & Answer
>;

/** What a call takes: path parameters, query, headers and body, each only where the operation has them. */
export type RequestOf<M extends Method, P extends PathsOf<M>> = (ParamNames<P> extends never
  ? { params?: undefined }
  : { params: PathParams<P> }) &
  (Spec<M, P> extends { query: infer Q }
    ? Required<Flags<Q>> extends never
      ? { query?: Values<Flags<Q>, string | number> }
      : { query: Values<Flags<Q>, string | number> }
    : { query?: undefined }) &
  (Spec<M, P> extends { headers: infer H }
    ? { headers: Values<Flags<H>, string> }
    : { headers?: undefined }) &
  (Spec<M, P> extends { body: infer B } ? { body: BodyOf<B> } : { body?: undefined }) & {
    /** Aborts the request (a page left, a search typed on). */
    signal?: AbortSignal;
  };

/** The options argument may be left out when nothing in it is required. */
export type RequestArgs<M extends Method, P extends PathsOf<M>> =
  Record<never, never> extends RequestOf<M, P> ? [options?: RequestOf<M, P>] : [options: RequestOf<M, P>];
