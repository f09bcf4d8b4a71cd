package org.benchtarget.core.web;

/** One response header. */
public record Header(String name, String value) {
}
