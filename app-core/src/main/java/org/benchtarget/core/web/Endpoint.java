package org.benchtarget.core.web;

/** One method on one route: parse, call the use case, answer. */
@FunctionalInterface
public interface Endpoint {
    WebResult handle(WebRequest request, PathParams params) throws Exception;
}
