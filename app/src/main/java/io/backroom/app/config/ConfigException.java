package io.backroom.app.config;

/** A setting is missing or wrong; the message says which and is fit to show a person. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
