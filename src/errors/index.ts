export { VideoLogsError, isVideoLogsError } from "./video-logs-error.ts";
export { InvalidInputError, isInvalidInputError } from "./invalid-input-error.ts";
export { ApiError, isApiError, MAX_ERROR_BODY_CHARS } from "./api-error.ts";
export { NetworkError, isNetworkError } from "./network-error.ts";
export { TimeoutError, isTimeoutError } from "./timeout-error.ts";
export { UnsafeRedirectError, isUnsafeRedirectError } from "./unsafe-redirect-error.ts";
export { ContractViolationError, isContractViolationError } from "./contract-violation-error.ts";
export { ResponseTooLargeError, isResponseTooLargeError } from "./response-too-large-error.ts";
export { isTruncatedBody, MAX_KEPT_BODY_BYTES, type KeptBody, type TruncatedBody } from "./kept-body.ts";
