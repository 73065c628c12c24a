export { ApiError, isApiError, MAX_ERROR_BODY_CHARS } from "./api-error.ts";
export { ContractViolationError, isContractViolationError } from "./contract-violation-error.ts";
export { InvalidInputError, isInvalidInputError } from "./invalid-input-error.ts";
export { isTruncatedBody, type KeptBody, MAX_KEPT_BODY_BYTES, type TruncatedBody } from "./kept-body.ts";
export { isNetworkError, NetworkError } from "./network-error.ts";
export { isResponseTooLargeError, ResponseTooLargeError } from "./response-too-large-error.ts";
export { isTimeoutError, TimeoutError } from "./timeout-error.ts";
export { isUnsafeRedirectError, UnsafeRedirectError } from "./unsafe-redirect-error.ts";
export { isVideoLogsError, VideoLogsError } from "./video-logs-error.ts";
