package tutorial.common;

/** The body of every error answer: {@code {"status":404,"error":"Not Found","message":"..."}}. */
public record ApiError(int status, String error, String message) {}
