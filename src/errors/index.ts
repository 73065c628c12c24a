export { VideoLogsError, isVideoLogsError } from "./video-logs-error.ts";
export { InvalidInputError, isInvalidInputError } from "./invalid-input-error.ts";
export { ApiError, isApiError, MAX_ERROR_BODY_CHARS } from "./api-error.ts";
export { NetworkError, isNetworkError } from "./network-error.ts";
export { TimeoutError, isTimeoutError } from "./timeout-error.ts";
export { UnsafeRedirectError, isUnsafeRedirectError } from "./unsafe-redirect-error.ts";
export { ContractViolationError, isContractViolationError } from "./contract-violation-error.ts";
