package io.backroom.app.services.audit;

/** Whether a decision followed the model's recommendation. */
public enum ModelAdvice {
    /** The person took the action the model recommended. */
    FOLLOWED,
    /** The person took another action than the one recommended. */
    OVERRODE,
    /** No model recommendation was shown. */
    NONE;

    /** Compares the action taken with the model's recommended action ({@code null} when none was shown). */
    public static ModelAdvice of(String actionTaken, String recommended) {
        if (recommended == null || recommended.isBlank()) {
            return NONE;
        }
        return recommended.equalsIgnoreCase(actionTaken) ? FOLLOWED : OVERRODE;
    }
}
