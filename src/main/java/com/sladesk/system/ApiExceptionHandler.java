package com.sladesk.system;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hibernate.HibernateException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.sladesk.request.InvalidRequestException;
import com.sladesk.request.NotAllowedException;
import com.sladesk.request.RequestNotFoundException;
import com.sladesk.request.RequestStateException;

/** Turns bad input into application/problem+json that names the field and the problem. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", messageOf(error))).toList();
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; "));
        return problem(detail, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", result.getMethodParameter().getParameterName(),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; "));
        return problem(detail, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof InvalidFormatException invalid) {
            String field = fieldPath(invalid);
            Class<?> type = invalid.getTargetType();
            String message = type == String.class ? "must not contain NUL characters"
                    : type != null && type.isEnum()
                    ? "unknown value '" + invalid.getValue() + "', expected one of "
                            + Arrays.toString(type.getEnumConstants())
                    : "cannot read '" + invalid.getValue() + "' as " + (type == null ? "value" : type.getSimpleName());
            return problem(field + ": " + message, List.of(Map.of("field", field, "message", message)));
        }
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            return problem(field + ": has the wrong type", List.of(Map.of("field", field, "message",
                    "has the wrong type")));
        }
        if (ex.getCause() instanceof JsonProcessingException json && json.getOriginalMessage() != null
                && json.getOriginalMessage().startsWith("Duplicate field '")) {
            String message = json.getOriginalMessage();
            String field = message.substring(message.indexOf('\'') + 1, Math.max(message.indexOf('\'') + 1,
                    message.lastIndexOf('\'')));
            return problem(field + ": given twice", List.of(Map.of("field", field, "message", "given twice")));
        }
        if (ex.getCause() instanceof JsonProcessingException json) {
            // the parser's own words name Java types; the caller gets where, not how
            return problem("Malformed JSON" + (json.getLocation() == null ? "" : " at line %d, column %d".formatted(
                    json.getLocation().getLineNr(), json.getLocation().getColumnNr())), List.of());
        }
        return problem("The request body is missing or unreadable", List.of());
    }

    /** A query parameter out of its range (the controller's own constraints, checked before it runs). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream().map(violation -> {
            String path = violation.getPropertyPath().toString();
            return Map.of("field", path.substring(path.lastIndexOf('.') + 1), "message", violation.getMessage());
        }).toList();
        return problem(errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; ")), errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = "cannot read '" + ex.getValue() + "'";
        if (ex.getRequiredType() != null && ex.getRequiredType().isEnum()) {
            message += ", expected one of " + Arrays.toString(ex.getRequiredType().getEnumConstants());
        }
        return problem(ex.getName() + ": " + message, List.of(Map.of("field", ex.getName(), "message", message)));
    }

    /**
     * The database lost while a controller ran: 503, as DatabaseUnavailable answers it around the controller.
     * Rethrown to that filter, Spring MVC would first take a driver's {@code EOFException} among the causes for a
     * client that went away and answer 200 with an empty body, which a client takes for a request taken in.
     */
    @ExceptionHandler({TransactionException.class, DataAccessException.class, PersistenceException.class,
            HibernateException.class, SQLException.class, ProcessEngineException.class})
    void handleDatabaseLost(Exception ex, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (!DatabaseUnavailable.isOutage(ex)) {
            throw ex;
        }
        DatabaseUnavailable.answer(request, response, ex);
    }

    /** Another change to the same request won the race (a timer, a second node); the caller may retry. */
    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
    ResponseEntity<Object> handleConcurrentChange(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The request was changed at the same time by something else; please retry");
        problem.setTitle("Concurrent change");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(RequestNotFoundException.class)
    ResponseEntity<Object> handleNotFound(RequestNotFoundException ex) {
        return status(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler(RequestStateException.class)
    ResponseEntity<Object> handleWrongState(RequestStateException ex) {
        return status(HttpStatus.CONFLICT, "Not in this state", ex.getMessage());
    }

    private static ResponseEntity<Object> status(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<Object> handleNotAllowed(NotAllowedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setTitle("Not allowed");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A multipart body that cannot be read (no boundary, cut short): the what-if upload. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleUnreadableMultipart(MultipartException ex) {
        return problem("the multipart body cannot be read: " + ex.getMessage(), List.of(Map.of("field", "body",
                "message", "send multipart/form-data with a boundary and complete parts")));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> handleInvalidRequest(InvalidRequestException ex) {
        return problem(ex.getField() + ": " + ex.getMessage(), List.of(Map.of("field", ex.getField(), "message",
                ex.getMessage())));
    }

    private static ResponseEntity<Object> problem(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String fieldPath(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
