// The API contract and its typed client: framework-free, for the portal, the designer and Node tests alike.
export { API_OPERATIONS } from './operations';
export type { Answer, Method, OperationContract, OperationKey, Operations, ShapeName } from './operations';
export type { FileBody, PathParams, PathsOf, RequestArgs, RequestOf, ResponseOf } from './types';
export { ApiProblem, createClient, fillPath } from './client';
export type { ApiClient, ClientOptions, FetchLike, FetchResponse, ProblemExtra } from './client';
